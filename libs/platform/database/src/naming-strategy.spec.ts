import { decodeCursor, encodeCursor } from './cursor';
import { SnakeNamingStrategy } from './naming-strategy';

describe('snake_case naming', () => {
  const n = new SnakeNamingStrategy();
  it.each([
    ['createdAt', 'created_at'],
    ['ownerId', 'owner_id'],
    ['valueTier', 'value_tier'],
    ['phoneE164', 'phone_e164'],
    ['id', 'id'],
  ])('%s → %s', (prop, col) => expect(n.columnName(prop, undefined, [])).toBe(col));

  it('names tables from classes unless told', () => {
    expect(n.tableName('ArchiveBatch')).toBe('archive_batch');
    expect(n.tableName('ArchiveBatch', 'archive_batches')).toBe('archive_batches');
  });
});

describe('cursors', () => {
  it('round-trips and rejects tampering', () => {
    const c = encodeCursor({ createdAt: '2026-01-01T00:00:00.000Z', id: 'abc' });
    expect(decodeCursor(c, ['createdAt', 'id'])).toEqual({ createdAt: '2026-01-01T00:00:00.000Z', id: 'abc' });
    expect(decodeCursor('not-a-cursor', ['id'])).toBeNull();
    expect(decodeCursor(encodeCursor({ x: 1 }), ['id'])).toBeNull();
  });
});
