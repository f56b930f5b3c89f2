// Issue 11: marking a safeguarding answer seen found it by working out the
// reference of every response in scope (a sha256 each). The reference is
// now stored and indexed (migration 0010, which fills it in for the
// responses already stored): the look-up is one indexed query.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateDown, migrateToLatest, openDatabase } from '../../server/db/database.js';
import { ResponseStore } from '../../server/repos/responses.js';
import { answerByReference, answerByReferenceQuery } from '../../server/repos/safeguarding.js';
import { answerReference } from '../../server/safeguarding/reference.js';
import { currentInstrument, scaleOf } from '../../surveys/index.js';
import { fullAnswers } from '../helpers/answers.js';
import { uuidFor } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'hearme-mig10-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the safeguarding reference of each response (migration 0010)', () => {
  it('is stored with each response, filled in for older ones by the migration, and found through its index', async () => {
    const { db, sqlite } = openDatabase(join(dir, 'db.sqlite'));
    try {
      await migrateToLatest(db);
      sqlite.exec("INSERT INTO authorities (code, name) VALUES ('E06000002', 'A'), ('E06000003', 'B')");
      sqlite.exec("INSERT INTO waves (authority_id, programme, period, access_code) VALUES (1, 'ylyc', '2024', 'AAAA'), (2, 'ylyc', '2024', 'BBBB')");
      const inst = currentInstrument('ylyc-11-17')!;
      const store = new ResponseStore(sqlite);
      const batch = Array.from({ length: 40 }, (_, i) => ({
        uuid: uuidFor(i + 1),
        waveId: (i % 2) + 1,
        instrument: inst.id,
        version: inst.version,
        band: inst.band,
        submittedOn: '2024-05-01',
        answers: fullAnswers(inst, i),
      }));
      sqlite.transaction(() => store.storeBatch(batch))();
      const references = () => sqlite.prepare('SELECT uuid, reference FROM responses ORDER BY id').all() as { uuid: string; reference: string }[];
      expect(references().every((r) => r.reference === answerReference(r.uuid))).toBe(true);

      // A database from before 0010: down past it (later ones go first), then up again fills it in.
      for (let i = 0; i < 20 && !(await migrateDown(db)).includes('0010_answer_reference'); i++);
      expect((sqlite.prepare('SELECT * FROM responses').get() as Record<string, unknown>).reference).toBeUndefined();
      await migrateToLatest(db);
      expect(references()).toHaveLength(40);
      expect(references().every((r) => r.reference === answerReference(r.uuid))).toBe(true);

      // The look-up uses the index, not a scan of the responses.
      const question = inst.questions.find((q) => scaleOf(q).kind === 'text')!.id;
      const reference = answerReference(uuidFor(3));
      const { sql, parameters } = answerByReferenceQuery(db, reference, question).compile();
      const plan = (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(parameters as unknown[])) as { detail: string }[]).map((p) => p.detail).join('\n');
      expect(plan).toMatch(/SEARCH responses USING INDEX responses_reference/);
      // And finds the answer, only within the authorities given.
      expect(await answerByReference(db, reference, question, [1])).toMatchObject({ authorityId: 1, authorityCode: 'E06000002', value: batch[2]!.answers[question] });
      expect(await answerByReference(db, reference, question, [2])).toBeUndefined();
      expect(await answerByReference(db, reference, question, null)).toMatchObject({ authorityId: 1 });
    } finally {
      await db.destroy();
    }
  });
});
