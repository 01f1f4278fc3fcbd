/** PostgreSQL's unique_violation: the database, not a check in code, refused a second row with the same key. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '23505';
}
