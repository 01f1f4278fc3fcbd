import { Init1795453977913 } from './1795453977913-init';
import { FlaggedWindow1795457583304 } from './1795457583304-flagged-window';

/** In order. A landed migration is never edited: a change to the schema is a new migration. */
export const migrations = [Init1795453977913, FlaggedWindow1795457583304];
