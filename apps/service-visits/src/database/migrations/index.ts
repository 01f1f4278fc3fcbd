import { Init1795453977913 } from './1795453977913-init';

/** In order. A landed migration is never edited: a change to the schema is a new migration. */
export const migrations = [Init1795453977913];
