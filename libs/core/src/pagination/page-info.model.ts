import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Page<T> {
  items: T[];
  cursors: string[];
  hasNextPage: boolean;
}

/** Builds the Relay edges/pageInfo shape from a page of items and their cursors. */
export function toConnection<T, E extends { node: T; cursor: string }>(
  page: Page<T>,
  edge: (node: T, cursor: string) => E = (node, cursor) => ({ node, cursor }) as E,
): { edges: E[]; pageInfo: PageInfo } {
  const edges = page.items.map((node, i) => edge(node, page.cursors[i]));
  return {
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
  };
}
