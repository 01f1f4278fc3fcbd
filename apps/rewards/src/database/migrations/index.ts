import { Init1795437188811 } from './1795437188811-init';
import { Corrections1795438577788 } from './1795438577788-corrections';

/** In order. A landed migration is never edited: a change to the schema is a new migration. */
export const migrations = [Init1795437188811, Corrections1795438577788];
