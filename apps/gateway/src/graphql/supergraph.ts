import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The composed supergraph, read once at start. The gateway never introspects the services: what it serves is
 * exactly the committed file, so a schema change reaches production only through a reviewed diff.
 */
export function readSupergraph(path: string): string {
  const file = resolve(path);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `Cannot read the supergraph at ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)}). ` +
        'Compose it from the services\' schema.graphql files with tools/compose-supergraph.ts, or set SUPERGRAPH_PATH.',
    );
  }
}
