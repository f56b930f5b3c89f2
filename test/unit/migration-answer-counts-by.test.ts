import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateDown, migrateToLatest, openDatabase } from '../../server/db/database.js';
import { ResponseStore } from '../../server/repos/responses.js';
import { BUILT_IN_INSTRUMENTS } from '../../surveys/index.js';
import { fullAnswers } from '../helpers/answers.js';
import { uuidFor } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'hearme-mig2-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 0002 (answer_counts_by)', () => {
  it('backfills from the stored answers exactly what storeBatch keeps for new ones', async () => {
    const { db, sqlite } = openDatabase(join(dir, 'db.sqlite'));
    try {
      await migrateToLatest(db);
      sqlite.exec("INSERT INTO authorities (code, name) VALUES ('E06000002', 'A')");
      sqlite.exec("INSERT INTO waves (authority_id, programme, period, access_code) VALUES (1, 'ylyc', '2024', 'AAAA'), (1, 'ylbc', '2024', 'BBBB')");
      const store = new ResponseStore(sqlite);
      let n = 0;
      sqlite.transaction(() =>
        store.storeBatch(
          Array.from({ length: 200 }, (_, i) => {
            const inst = BUILT_IN_INSTRUMENTS[i % BUILT_IN_INSTRUMENTS.length]!;
            // every seventh skips its background questions, so "did not say" exists too
            const answers = fullAnswers(inst, i);
            if (i % 7 === 0) delete answers.gender;
            return {
              uuid: uuidFor(++n),
              waveId: inst.programme === 'ylyc' ? 1 : 2,
              instrument: inst.id,
              version: inst.version,
              band: inst.band,
              submittedOn: '2024-05-01',
              answers,
            };
          }),
        ),
      )();
      const all = () => sqlite.prepare('SELECT * FROM answer_counts_by ORDER BY 1, 2, 3, 4, 5, 6').all();
      const kept = all();
      expect(kept.length).toBeGreaterThan(200);

      // Down to just before 0002 (later migrations go first), then up again.
      for (let i = 0; i < 20 && !(await migrateDown(db)).includes('0002_answer_counts_by'); i++);
      expect(sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'answer_counts_by'").all()).toEqual([]);
      await migrateToLatest(db);
      expect(all()).toEqual(kept);
    } finally {
      await db.destroy();
    }
  });
});
