/** Rows per multi-row statement: large batches go in a few statements, never one per row. */
export const CHUNK_ROWS = 1000;

export function chunks<T>(items: readonly T[], size = CHUNK_ROWS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
