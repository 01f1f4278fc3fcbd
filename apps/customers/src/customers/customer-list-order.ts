import type { KeysetSort } from '@crm/database';

/** The order of customer lists (newest last); their cursors, REST's and the graph's edges, are keyed on it. */
export const CUSTOMER_LIST_ORDER: KeysetSort<{ id: string; createdAt: Date | string }> = { column: 'c.created_at', value: (c) => c.createdAt };
