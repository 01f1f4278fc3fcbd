import { Init1795423477015 } from './1795423477015-init';

/** In order. A landed migration is never edited: a change to the schema is a new migration. */
export const migrations = [Init1795423477015];
