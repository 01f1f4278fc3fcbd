import { Directive, Field, Int, ObjectType } from '@nestjs/graphql';
import type { PipeTransform, Type } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page } from '@crm/database';
import { CommonErrors } from '@crm/errors';

/**
 * GraphQL connections of every subgraph (`edges{cursor node}`, `pageInfo{hasNextPage endCursor}`), over
 * the same keyset pages as REST's `limit`/`cursor`: `first` is REST's limit, `after` REST's cursor.
 */
@ObjectType({ description: 'Where a page of a connection ends; shared by every connection of the graph' })
@Directive('@shareable')
export class PageInfo {
  @Field({ description: 'Whether another page follows: ask again with after = endCursor' })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the last edge of this page; null for an empty page' })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

/** The Edge and Connection types of a node type, named `<Name>Edge` and `<Name>Connection`. */
export function connectionTypes<T>(node: Type<T>, name: string, what: string): Type<Connection<T>> {
  @ObjectType(`${name}Edge`, { description: `One ${what} of a page, with the cursor to continue after it` })
  class EdgeType {
    @Field({ description: 'Pass as `after` to continue after this edge' })
    cursor: string;

    @Field(() => node, { description: `The ${what}` })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${what}s (a keyset connection)` })
  class ConnectionType {
    @Field(() => [EdgeType], { description: `The ${what}s of this page, in order` })
    edges: EdgeType[];

    @Field(() => PageInfo, { description: 'Whether there is more, and the cursor to ask for it' })
    pageInfo: PageInfo;
  }
  return ConnectionType;
}

/** `first` as REST's `limit`: 1..MAX_PAGE_SIZE, by default DEFAULT_PAGE_SIZE; VALIDATION_FAILED otherwise. */
export function pageSize(first: number | undefined | null): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw CommonErrors.VALIDATION_FAILED(`first must be between 1 and ${MAX_PAGE_SIZE}`, { errors: [{ field: 'first', reason: `must be between 1 and ${MAX_PAGE_SIZE}` }] });
  }
  return first;
}

/** A keyset page as a connection: `cursorOf` is the cursor the list continues after a row (keysetCursor). */
export function toConnection<E, N>(page: Page<E>, map: (e: E) => N, cursorOf: (e: E) => string): Connection<N> {
  return {
    edges: page.items.map((e) => ({ cursor: cursorOf(e), node: map(e) })),
    pageInfo: { hasNextPage: page.nextCursor !== null, endCursor: page.nextCursor },
  };
}

export const FIRST_ARG = { type: () => Int, nullable: true, description: `How many to answer (1..${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}), as REST's limit` } as const;
export const AFTER_ARG = { type: () => String, nullable: true, description: "Continue after this cursor (an edge's cursor or pageInfo.endCursor), as REST's cursor" } as const;

/**
 * An optional id filter (REST's query parameter, checked by class-validator there): absent or null is no filter, a
 * value that is not a UUID is VALIDATION_FAILED, as REST answers.
 */
export class UuidFilterPipe implements PipeTransform<string | null | undefined, string | undefined> {
  constructor(private readonly field: string) {}

  transform(value: string | null | undefined): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (!isUUID(value)) throw CommonErrors.VALIDATION_FAILED(`${this.field} must be a UUID`, { errors: [{ field: this.field, reason: 'must be a UUID' }] });
    return value;
  }
}
