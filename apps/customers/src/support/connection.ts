import { Directive, Field, ObjectType } from '@nestjs/graphql';

/**
 * The `pageInfo` of every GraphQL connection of the customers subgraph (`{hasNextPage endCursor}`). Other subgraphs
 * declare the same type, so it is shareable.
 */
@ObjectType({ description: 'Where a page of a connection ends; shared by every connection of the graph' })
@Directive('@shareable')
export class PageInfo {
  @Field({ description: 'Whether another page follows: ask again with after = endCursor' })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the last edge of this page; null for an empty page' })
  endCursor: string | null;
}

/** The largest `first` a connection accepts. */
export const MAX_CONNECTION_PAGE = 200;
