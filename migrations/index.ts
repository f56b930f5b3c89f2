// Every migration, in order. Listed statically (not read from the folder)
// so they work the same from TypeScript sources and the compiled build.
import type { Migration } from 'kysely';
import * as m0001 from './0001_initial.js';

export const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': m0001,
};
