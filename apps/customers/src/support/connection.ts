import { Field, ObjectType } from '@nestjs/graphql';

/** The `pageInfo` of every GraphQL connection of the customers subgraph (`{hasNextPage endCursor}`). */
@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

/** The largest `first` a connection accepts. */
export const MAX_CONNECTION_PAGE = 200;
