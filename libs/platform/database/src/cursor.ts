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
