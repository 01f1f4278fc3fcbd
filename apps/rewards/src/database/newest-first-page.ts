import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { decodeCursor, encodeCursor, Page } from '@crm/database';
import { CommonErrors } from '@crm/errors';

/**
 * One page of an append-only ledger, newest first, keyed on its insertion sequence (`<alias>.seq`): never OFFSET,
 * so entries appended meanwhile neither repeat nor shift a page. A cursor this did not make is 400.
 */
export async function newestFirstPage<T extends ObjectLiteral & { seq: string }>(qb: SelectQueryBuilder<T>, alias: string, page: { limit: number; cursor?: string }): Promise<Page<T>> {
  if (page.cursor) {
    const key = decodeCursor<{ seq: string }>(page.cursor, ['seq']);
    if (!key || !/^\d{1,19}$/.test(key.seq)) throw CommonErrors.INVALID_CURSOR('The cursor is not one this list gave out');
    qb.andWhere(`${alias}.seq < :seq`, { seq: key.seq });
  }
  const rows = await qb.orderBy(`${alias}.seq`, 'DESC').limit(page.limit + 1).getMany();
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > page.limit && last ? encodeCursor({ seq: last.seq }) : null };
}
