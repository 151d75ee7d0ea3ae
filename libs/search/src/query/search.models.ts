import { PageInfo } from '@app/core';
import { Question, TagCount } from '@app/forum';
import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';

@InputType()
export class SearchFilter {
  @Field(() => Boolean, { nullable: true, description: 'Only threads with an accepted or official answer' })
  solvedOnly?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only threads with an official answer' })
  hasOfficialAnswer?: boolean | null;

  @Field(() => [String], { nullable: true, description: 'Threads tagged with all of these (at most 5)' })
  tags?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only threads of this template category (Category.key, e.g. security)',
  })
  category?: string | null;
}

@ObjectType({ description: 'A template category among search results, with how many threads match' })
export class CategoryCount {
  @Field({ description: 'Category.key' })
  key: string;

  @Field({ description: 'Category.name, e.g. 安全咨询' })
  name: string;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class SearchEdge {
  @Field(() => Question)
  node: Question;

  @Field()
  cursor: string;

  @Field(() => Float, { description: 'Relevance from 0 to 1' })
  score: number;

  @Field({
    description:
      'The title as HTML: text is HTML-escaped and matched words are wrapped in <mark>…</mark>, the only markup',
  })
  highlightedTitle: string;

  @Field({
    description:
      'A cropped passage (official answer, accepted answer or body, whichever matched) as HTML like highlightedTitle',
  })
  snippet: string;
}

@ObjectType()
export class SearchConnection {
  @Field(() => [SearchEdge])
  edges: SearchEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => [TagCount], { description: 'Tags of all matching threads with their counts, most used first' })
  facets: TagCount[];

  @Field(() => [CategoryCount], {
    description: 'Template categories of all matching threads with their counts, in the categories\' order',
  })
  categoryFacets: CategoryCount[];

  @Field(() => Int, { description: 'Estimated number of matching threads' })
  estimatedTotalCount: number;
}

@ObjectType()
export class SimilarQuestion {
  @Field(() => Question)
  question: Question;

  @Field(() => Float, { description: 'Relevance from 0 to 1 (Meilisearch ranking score)' })
  score: number;
}
