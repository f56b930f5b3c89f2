// The one place that stores councils' questionnaire definitions, and so
// the one place that keeps a version with answers from changing (by
// comparing hashes of the canonical JSON). The registry learns of what
// is stored through server/questionnaire-loader.ts.
import { createHash } from 'node:crypto';
import { registry } from '../../surveys/index.js';
import { parseQuestionnaireFile, type FileProblem, type QuestionnaireFile } from '../../surveys/questionnaire-file.js';
import { extendsProblems, toInstrument } from '../../surveys/questionnaire.js';
import type { DB } from '../db/database.js';
import { writeTransaction } from '../db/transaction.js';

/** JSON with object keys sorted at every level: the same definition always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

export const definitionHash = (value: unknown) => createHash('sha256').update(canonicalJson(value)).digest('hex');

/** Refused: the file is invalid (each problem with its JSON path) or would change what may not change. */
export class QuestionnaireRefused extends Error {
  constructor(readonly problems: FileProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  }
}

export type StoreOutcome = 'added' | 'replaced' | 'unchanged';

/** Checks a parsed JSON file against the format and the registry (the core it extends): the file, or refused. */
export function checkQuestionnaire(value: unknown): QuestionnaireFile {
  const parsed = parseQuestionnaireFile(value);
  if (!parsed.ok) throw new QuestionnaireRefused(parsed.problems);
  const ext = parsed.file.extends;
  const problems = extendsProblems(parsed.file, ext && registry.get(ext.instrument, ext.version));
  if (problems.length) throw new QuestionnaireRefused(problems);
  return parsed.file;
}

/**
 * Stores one version of a questionnaire for an authority (or, null, for
 * everyone) and adds it to the registry. The same file again is
 * `unchanged`; a changed file under a version nobody has answered replaces
 * it; a changed file under a version with answers is refused, as is a
 * questionnaire of another owner.
 */
export async function storeQuestionnaire(db: DB, value: unknown, authorityId: number | null, now = new Date()): Promise<{ file: QuestionnaireFile; outcome: StoreOutcome }> {
  const file = checkQuestionnaire(value);
  const hash = definitionHash(value);
  const refuse = (path: string, message: string) => {
    throw new QuestionnaireRefused([{ path, message }]);
  };
  const outcome = await writeTransaction(db, async (trx) => {
    const versions = await trx.selectFrom('questionnaires').select(['version', 'authority_id', 'hash']).where('id', '=', file.id).execute();
    const owner = versions[0]?.authority_id;
    if (versions.length && owner !== authorityId)
      refuse('$.id', owner === null ? `${file.id} is a questionnaire for every authority; only a programme admin changes it` : `${file.id} belongs to another authority`);
    // One set of local questions per owner and core instrument, so a round never has to choose between two.
    const ext = file.extends;
    const rival =
      ext &&
      registry
        .all()
        .find((i) => i.id !== file.id && i.extends?.instrument === ext.instrument && registry.stored(i.id, i.version)?.owner === authorityId);
    if (rival) refuse('$.extends', `${rival.id} already holds ${authorityId === null ? 'everyone’s' : 'this authority’s'} local questions on ${ext.instrument}; give it a new version instead`);
    const same = versions.find((v) => v.version === file.version);
    if (same?.hash === hash) return 'unchanged' as const;
    if (same) {
      const answered = await trx
        .selectFrom('responses')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where((eb) =>
          eb.or([
            eb.and([eb('instrument', '=', file.id), eb('instrument_version', '=', file.version)]),
            eb.and([eb('local_instrument', '=', file.id), eb('local_version', '=', file.version)]),
          ]),
        )
        .executeTakeFirstOrThrow();
      if (Number(answered.n) > 0)
        refuse('$.version', `version ${file.version} of ${file.id} has answers and never changes; give the changed file version ${Math.max(...versions.map((v) => v.version)) + 1}`);
      await trx
        .updateTable('questionnaires')
        .set({ definition: JSON.stringify(value), hash, created_at: now.toISOString() })
        .where('id', '=', file.id)
        .where('version', '=', file.version)
        .execute();
      return 'replaced' as const;
    }
    await trx
      .insertInto('questionnaires')
      .values({ id: file.id, version: file.version, authority_id: authorityId, definition: JSON.stringify(value), hash, created_at: now.toISOString() })
      .execute();
    return 'added' as const;
  });
  const ext = file.extends;
  registry.add(toInstrument(file, ext && registry.get(ext.instrument, ext.version)), { hash, owner: authorityId });
  return { file, outcome };
}

export interface QuestionnaireSummary {
  id: string;
  version: number;
  /** In English, or the first language the file has. */
  title: string;
  authority: string | null;
  createdAt: string;
  responses: number;
}

/** Every stored version, with its owner's code and how many answered it; some authorities' own and everyone's when scoped. */
export async function listQuestionnaires(db: DB, scope?: { authorityIds: readonly number[] }): Promise<QuestionnaireSummary[]> {
  let q = db
    .selectFrom('questionnaires')
    .leftJoin('authorities', 'authorities.id', 'questionnaires.authority_id')
    .select((eb) => [
      'questionnaires.id',
      'questionnaires.version',
      'questionnaires.definition',
      'authorities.code as authority',
      'questionnaires.created_at',
      eb
        .selectFrom('responses')
        .select((r) => r.fn.countAll<number>().as('n'))
        .where((w) =>
          w.or([
            w.and([w('responses.instrument', '=', w.ref('questionnaires.id')), w('responses.instrument_version', '=', w.ref('questionnaires.version'))]),
            w.and([w('responses.local_instrument', '=', w.ref('questionnaires.id')), w('responses.local_version', '=', w.ref('questionnaires.version'))]),
          ]),
        )
        .as('responses'),
    ])
    .orderBy('questionnaires.id')
    .orderBy('questionnaires.version');
  if (scope)
    q = q.where((eb) =>
      eb.or([eb('questionnaires.authority_id', 'is', null), ...(scope.authorityIds.length ? [eb('questionnaires.authority_id', 'in', scope.authorityIds)] : [])]),
    );
  const rows = await q.execute();
  return rows.map((r) => ({ id: r.id, version: r.version, title: titleOf(r.definition), authority: r.authority, createdAt: r.created_at, responses: Number(r.responses ?? 0) }));
}

/** A stored (so valid) file's title: English, or its first language. */
function titleOf(definition: string): string {
  const { title, locales } = JSON.parse(definition) as { title: Record<string, string>; locales: string[] };
  return title.en ?? title[locales[0]!]!;
}

/** One stored version's definition as received (the newest without `version`). */
export async function findQuestionnaire(db: DB, id: string, version?: number): Promise<{ version: number; definition: unknown } | undefined> {
  let q = db.selectFrom('questionnaires').select(['version', 'definition']).where('id', '=', id);
  q = version === undefined ? q.orderBy('version', 'desc') : q.where('version', '=', version);
  const row = await q.executeTakeFirst();
  return row && { version: row.version, definition: JSON.parse(row.definition) };
}
