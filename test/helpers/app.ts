// A real app over a real SQLite file in a fresh folder, for API tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.js';
import { loadConfig, type Config } from '../../server/config.js';
import { migrateToLatest, openDatabase, type OpenDatabase } from '../../server/db/database.js';
import { addAuthority } from '../../server/repos/authorities.js';
import { createWave } from '../../server/repos/waves.js';
import type { WaveTable } from '../../server/db/tables.js';

export interface TestApp extends OpenDatabase {
  app: FastifyInstance;
  config: Config;
  dir: string;
  close: () => Promise<void>;
}

export async function testApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'hearme-test-'));
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_PATH: join(dir, 'test.sqlite'), ...env });
  const open = openDatabase(config.databasePath);
  await migrateToLatest(open.db);
  const app = await buildApp(config, open);
  return {
    ...open,
    app,
    config,
    dir,
    close: async () => {
      await app.close();
      await open.db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let nextAuthority = 1;

/** Adds an authority and a wave; returns the wave's access code and id. */
export async function seedWave(
  t: TestApp,
  wave: Partial<Pick<WaveTable, 'programme' | 'period' | 'opens_on' | 'closes_on'>> = {},
): Promise<{ code: string; waveId: number; authorityCode: string }> {
  const code = `E0600${String(nextAuthority++).padStart(4, '0')}`;
  const authority = await addAuthority(t.db, { code, name: `Authority ${code}`, region: null });
  const w = await createWave(t.db, {
    authority_id: authority.id,
    programme: wave.programme ?? 'ylyc',
    period: wave.period ?? '2024',
    opens_on: wave.opens_on ?? null,
    closes_on: wave.closes_on ?? null,
  });
  return { code: w.access_code, waveId: w.id, authorityCode: code };
}
