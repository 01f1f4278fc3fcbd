import type { DataSource } from 'typeorm';

/** Quotes a PostgreSQL identifier. Schema names come from configuration, never from callers, but quote anyway. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * The schema a DataSource writes to: the service's own (architecture.md). Entities carry no schema of their
 * own, so the same entity classes serve every service; raw SQL here qualifies tables with this instead of
 * trusting search_path.
 */
export function schemaOf(dataSource: DataSource): string {
  return (dataSource.options as { schema?: string }).schema ?? 'public';
}

export function qualified(schema: string, table: string): string {
  return `${ident(schema)}.${ident(table)}`;
}
