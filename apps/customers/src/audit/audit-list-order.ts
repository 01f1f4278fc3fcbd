import type { KeysetSort } from '@crm/database';

/** The audit list runs oldest first on (at, id); REST cursors and GraphQL edges are keyed on it. */
export const AUDIT_LIST_ORDER: KeysetSort<{ id: string; at: Date | string }> = { column: 'a.at', value: (row) => row.at };
