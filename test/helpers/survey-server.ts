// A real server (real SQLite file, the built child survey) on a free port,
// for browser tests and benchmarks, with waves to open and the stored
// responses to look at.
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, vi } from 'vitest';
import { releaseBrowser, useBrowser } from './browser.js';
import { seedWave, testApp, type TestApp } from './app.js';

export interface SurveyServer {
  t: TestApp;
  base: string;
  /** A new open wave; programme ylyc unless told. */
  wave: (programme?: 'ylyc' | 'ylbc') => Promise<{ code: string; waveId: number; authorityName: string }>;
  /** The stored responses of a wave with their answers, as the database holds them. */
  responses: (waveId: number) => Promise<{ uuid: string; instrument: string; answers: Record<string, string> }[]>;
  close: () => Promise<void>;
}

export async function startSurveyServer(): Promise<SurveyServer> {
  const t = await testApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  return {
    t,
    base: `http://127.0.0.1:${port}`,
    wave: async (programme = 'ylyc') => {
      const w = await seedWave(t, { programme });
      return { ...w, authorityName: `Authority ${w.authorityCode}` };
    },
    responses: async (waveId) => {
      const rows = await sql<{ uuid: string; instrument: string; question: string | null; value: string | null }>`
        select r.uuid, r.instrument, a.question, a.value
        from responses r left join answers a on a.response_id = r.id
        where r.wave_id = ${waveId} order by r.uuid, a.question`.execute(t.db);
      const byId = new Map<string, { uuid: string; instrument: string; answers: Record<string, string> }>();
      for (const row of rows.rows) {
        const r = byId.get(row.uuid) ?? { uuid: row.uuid, instrument: row.instrument, answers: {} };
        if (row.question !== null && row.value !== null) r.answers[row.question] = row.value;
        byId.set(row.uuid, r);
      }
      return [...byId.values()];
    },
    close: () => t.close(),
  };
}

/**
 * For a file of browser tests of the survey: the survey server and a browser,
 * started before its tests and closed after them. Browser tests share two
 * cores with the rest of the suite: generous limits, and clear ones (see newContext).
 */
export function surveyInBrowser(): { srv: SurveyServer; browser: Browser } {
  vi.setConfig({ testTimeout: 240_000 });
  const env = {} as { srv: SurveyServer; browser: Browser };
  beforeAll(async () => {
    [env.srv, env.browser] = await Promise.all([startSurveyServer(), useBrowser()]);
  });
  afterAll(async () => {
    await releaseBrowser(env.browser);
    await env.srv?.close();
  });
  return env;
}
