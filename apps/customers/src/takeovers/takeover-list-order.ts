import type { KeysetSort } from '@crm/database';

/** Lists of takeover reports run oldest first (the director's queue); REST cursors and GraphQL edges are keyed on it. */
export const TAKEOVER_LIST_ORDER: KeysetSort<{ id: string; createdAt: Date | string }> = { column: 'r.created_at', value: (row) => row.createdAt };
