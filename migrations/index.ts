// Every migration, in order. Listed statically (not read from the folder)
// so they work the same from TypeScript sources and the compiled build.
import type { Migration } from 'kysely';
import * as m0001 from './0001_initial.js';
import * as m0002 from './0002_answer_counts_by.js';
import * as m0003 from './0003_portal.js';
import * as m0004 from './0004_authority_contact.js';
import * as m0005 from './0005_sign_in_index.js';
import * as m0007 from './0007_closing_the_loop.js';
import * as m0008 from './0008_reference_figures.js';
import * as m0009 from './0009_questionnaires.js';
import * as m0010 from './0010_answer_reference.js';
import * as m0011 from './0011_local_questions.js';

export const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_answer_counts_by': m0002,
  '0003_portal': m0003,
  '0004_authority_contact': m0004,
  '0005_sign_in_index': m0005,
  '0007_closing_the_loop': m0007,
  '0008_reference_figures': m0008,
  '0009_questionnaires': m0009,
  '0010_answer_reference': m0010,
  '0011_local_questions': m0011,
};
