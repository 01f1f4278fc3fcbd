import type { RunningSuite } from '@crm/testing';
import { BenchCompany } from './seed';
import { BenchSettings } from './settings';

/** What every benchmark gets from bench/run.ts: the running suite, its seeded company and the settings. */
export interface BenchContext {
  suite: RunningSuite;
  company: BenchCompany;
  settings: BenchSettings;
  /** Progress lines for the console. */
  log(line: string): void;
}
