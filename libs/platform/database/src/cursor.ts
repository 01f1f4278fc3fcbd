import { CommonErrors } from '@crm/errors';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Opaque cursors for keyset pagination (REST `limit`/`cursor`, GraphQL connections). A cursor carries the
 * sort key of the last row seen; callers must not build them, so they are base64url JSON.
 */
export function encodeCursor(key: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<T extends Record<string, string | number>>(cursor: string, fields: (keyof T)[]): T | null {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof value !== 'object' || value === null) return null;
    for (const f of fields) {
      if (!['string', 'number'].includes(typeof value[f])) return null;
    }
    return value as T;
  } catch {
    return null;
  }
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The column a list is sorted by (then by id), and how to read its value off a row for the next cursor. */
export interface KeysetSort<T> {
  /** Qualified column, e.g. `m.date`. */
  column: string;
  value: (row: T) => string | number | Date;
}

/**
 * One page of `qb` in (sort column, id) order, never OFFSET: a page neither repeats nor skips a row when rows
 * are added meanwhile. `idColumn` is the alias's id column (`m.id`); without `sort` the list is in id order.
 * A cursor this function did not make is 400 INVALID_CURSOR.
 */
export async function keysetPage<T extends ObjectLiteral & { id: string }>(
  qb: SelectQueryBuilder<T>,
  idColumn: string,
  page: { limit: number; cursor?: string },
  sort?: KeysetSort<T>,
): Promise<Page<T>> {
  if (page.cursor) {
    const key = decodeCursor<{ s: string | number; id: string }>(page.cursor, sort ? ['s', 'id'] : ['id']);
    if (!key) throw CommonErrors.INVALID_CURSOR('The cursor is not one this list gave out');
    if (sort) qb.andWhere(`(${sort.column}, ${idColumn}) > (:keysetS, :keysetId)`, { keysetS: key.s, keysetId: key.id });
    else qb.andWhere(`${idColumn} > :keysetId`, { keysetId: key.id });
  }
  if (sort) qb.orderBy(sort.column, 'ASC').addOrderBy(idColumn, 'ASC');
  else qb.orderBy(idColumn, 'ASC');
  let rows: T[];
  try {
    rows = await qb.limit(page.limit + 1).getMany();
  } catch (e) {
    // A well-formed cursor this list never gave out (a sort key or id of the wrong type) is refused by
    // PostgreSQL as a data exception (SQLSTATE class 22): it is the caller's cursor that is wrong, not the server.
    if (page.cursor && isDataException(e)) throw CommonErrors.INVALID_CURSOR('The cursor is not one this list gave out');
    throw e;
  }
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1];
  if (rows.length <= page.limit || !last) return { items, nextCursor: null };
  return { items, nextCursor: keysetCursor(last, sort) };
}

/** The cursor that continues a keysetPage list after `row` (a GraphQL edge's cursor is this too). */
export function keysetCursor<T extends { id: string }>(row: T, sort?: KeysetSort<T>): string {
  if (!sort) return encodeCursor({ id: row.id });
  const s = sort.value(row);
  return encodeCursor({ s: s instanceof Date ? s.toISOString() : s, id: row.id });
}

/** PostgreSQL's data exceptions (invalid text for a timestamp or uuid, out of range, ...), as isUniqueViolation reads codes. */
function isDataException(error: unknown): boolean {
  return (error as { code?: string } | null)?.code?.startsWith('22') ?? false;
}
