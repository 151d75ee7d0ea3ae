import { Ctx, RequestContext } from '@app/core';
import { DeskStatsDay } from '@app/forum';
import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { DeflectionService } from './deflection.service';

/** The desk's daily figures include the drafts deflected that day, which search measures. */
@Resolver(() => DeskStatsDay)
export class DeskDeflectionResolver {
  constructor(private readonly deflection: DeflectionService) {}

  @ResolveField(() => Int, {
    nullable: true,
    description: 'Drafts deflected by a suggestion (all categories only: drafts have none)',
  })
  deflectedDrafts(@Ctx() ctx: RequestContext, @Parent() day: DeskStatsDay): Promise<number> | null {
    // Drafts have no category: only the all-categories row (categoryKey null) of an unfiltered query.
    if (day.categoryKey !== null) return null;
    return ctx
      .loader(
        'deflection.deskDays',
        () => new DataLoader<string, number>((days) => this.deflection.deflectedOn(days)),
      )
      .load(day.day);
  }
}
