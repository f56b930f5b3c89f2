// hearme questionnaire add | list | show: councils' own questionnaires
// (the file format is surveys/questionnaire-file.ts, documented in the README).
import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { findAuthority } from '../repos/authorities.js';
import { QuestionnaireRefused, findQuestionnaire, listQuestionnaires, storeQuestionnaire } from '../repos/questionnaires.js';
import { AuthorityCode } from '../schemas.js';
import { UsageError, parseFlags, withDatabase, type Command } from './command.js';

/** A questionnaire is a few kilobytes; anything far larger is not one. */
const MAX_FILE_BYTES = 1024 * 1024;

function readJsonFile(path: string): unknown {
  let text: string;
  try {
    if (statSync(path).size > MAX_FILE_BYTES) throw new UsageError(`${path} is larger than 1 MiB; a questionnaire is a few kilobytes`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path} is not JSON: ${(error as Error).message}`);
  }
}

export const questionnaireAdd: Command = {
  summary: 'add a council questionnaire (JSON file); prints {"id","version"}',
  usage: `Usage: hearme questionnaire add FILE.json [--authority CODE]

Checks the file (README: "Councils' own questionnaires") and stores it.
With --authority it belongs to that authority (its officers may use it);
without, to every authority. Every problem is printed with its JSON path
and nothing is stored (exit 2). The same file again changes nothing; a
changed file needs the next version number once the version has answers.`,
  async run(argv, io) {
    const f = parseFlags(
      argv,
      { authority: { type: 'string' } },
      z.object({ authority: AuthorityCode.optional(), positionals: z.array(z.string()).length(1, 'give the questionnaire file') }),
      1,
    );
    const value = readJsonFile(f.positionals[0]!);
    await withDatabase(io, async ({ db }) => {
      let authorityId: number | null = null;
      if (f.authority) {
        const authority = await findAuthority(db, f.authority);
        if (!authority) throw new UsageError(`no authority ${f.authority}; add it with hearme authority add`);
        authorityId = authority.id;
      }
      try {
        const { file } = await storeQuestionnaire(db, value, authorityId);
        io.stdout(JSON.stringify({ id: file.id, version: file.version }) + '\n');
      } catch (error) {
        if (error instanceof QuestionnaireRefused) throw new UsageError(`${f.positionals[0]} refused:\n${error.message}`);
        throw error;
      }
    });
  },
};

export const questionnaireList: Command = {
  summary: 'list the stored questionnaires (JSON lines)',
  usage: `Usage: hearme questionnaire list

Prints one JSON line per stored version: {"id","version","authority","createdAt","responses"}
(authority null: for every authority).`,
  async run(argv, io) {
    parseFlags(argv, {}, z.object({ positionals: z.array(z.string()) }));
    await withDatabase(io, async ({ db }) => {
      for (const q of await listQuestionnaires(db)) io.stdout(JSON.stringify(q) + '\n');
    });
  },
};

export const questionnaireShow: Command = {
  summary: 'print a stored questionnaire as it was added',
  usage: `Usage: hearme questionnaire show ID [--version N]

Prints the definition of one version (the newest without --version) as JSON.`,
  async run(argv, io) {
    const f = parseFlags(
      argv,
      { version: { type: 'string' } },
      z.object({
        version: z.coerce.number().int().min(1).optional(),
        positionals: z.array(z.string().max(40)).length(1, 'give the questionnaire id'),
      }),
      1,
    );
    const id = f.positionals[0]!;
    await withDatabase(io, async ({ db }) => {
      const found = await findQuestionnaire(db, id, f.version);
      if (!found) throw new UsageError(`no questionnaire ${id}${f.version ? ` version ${f.version}` : ''}; see hearme questionnaire list`);
      io.stdout(JSON.stringify(found.definition, null, 2) + '\n');
    });
  },
};
