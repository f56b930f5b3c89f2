// What the real server writes to its log: no access code in any URL, no
// line per submission (a count per minute instead), no request id counter
// whose gaps would show where submissions fell.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatAccessCode } from '../../surveys/access-code.js';
import { currentInstrument } from '../../surveys/index.js';
import { minuteOf, redactUrl, RequestLog, untilNextMinute } from '../../server/request-log.js';
import { fullAnswers } from '../helpers/answers.js';
import { seedByCli, startServer } from '../helpers/server-process.js';

const dir = mkdtempSync(join(tmpdir(), 'hearme-request-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Line {
  msg: string;
  reqId?: string;
  req?: { url: string };
  submissions?: number;
  byStatus?: Record<string, number>;
  minute?: string;
}

let code: string;
let lines: Line[];
let raw: string;
const SUBMITTED = 5;

beforeAll(async () => {
  const dbPath = join(dir, 'db.sqlite');
  code = await seedByCli(dbPath);
  const server = await startServer({ DATABASE_PATH: dbPath, LOG_LEVEL: 'info' });
  const inst = currentInstrument('ylyc-11-17')!;
  const get = (path: string) => fetch(`${server.base}${path}`).then((r) => r.status);
  const statuses = [
    await get(`/s/${code}`),
    await get(`/s/${formatAccessCode(code).toLowerCase()}`),
    await get(`/api/waves/${code}`),
    // A mistyped code is still nearly a real one.
    await get(`/api/waves/${code.slice(0, 7)}`),
    await get(`/api/results/${formatAccessCode(code)}?last=1`),
    await get(`/s/${code}/more`),
    await get(`/somewhere/${code}`),
  ];
  expect(statuses).toEqual([200, 200, 200, 404, 404, 404, 404]);
  for (let i = 0; i < SUBMITTED; i++) {
    const res = await fetch(`${server.base}/api/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: randomUUID(), code, instrument: inst.id, version: 1, answers: fullAnswers(inst, i) }),
    });
    expect(res.status).toBe(201);
  }
  // One refused submission is counted under its own status.
  const refused = await fetch(`${server.base}/api/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  expect(refused.status).toBe(400);
  server.child.kill('SIGTERM');
  expect(await server.exited).toEqual({ code: 0, signal: null });
  raw = server.output();
  lines = raw.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line);
});

describe('the request log of the real server', () => {
  it('never shows an access code, however it was typed or wherever it was sent', () => {
    for (const form of [code, formatAccessCode(code), formatAccessCode(code).toLowerCase(), code.slice(0, 7)]) expect(raw).not.toContain(form);
    const urls = lines.filter((l) => l.msg === 'incoming request').map((l) => l.req!.url);
    expect(urls).toEqual(
      expect.arrayContaining(['/s/:code', '/api/waves/:code', '/api/results/:code?last=…', '/s/:code/more', '/somewhere/:code']),
    );
  });

  it('logs no submission by itself, only the count of the minute', () => {
    expect(raw).not.toContain('/api/responses');
    const counts = lines.filter((l) => l.msg === 'submissions in the minute');
    // The requests may straddle a minute's end: then two lines, which add up.
    expect(counts.length).toBeGreaterThanOrEqual(1);
    expect(counts.reduce((n, l) => n + l.submissions!, 0)).toBe(SUBMITTED + 1);
    expect(counts.reduce((n, l) => n + (l.byStatus!['201'] ?? 0), 0)).toBe(SUBMITTED);
    expect(counts.reduce((n, l) => n + (l.byStatus!['400'] ?? 0), 0)).toBe(1);
    for (const l of counts) expect(l.minute).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\dZ$/);
  });

  it('gives requests random ids, not a counter', () => {
    const ids = lines.filter((l) => l.reqId).map((l) => l.reqId!);
    expect(ids.length).toBeGreaterThan(SUBMITTED);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{12}$/);
  });
});

describe('redactUrl', () => {
  it('hides code segments and query values, and keeps the rest', () => {
    expect(redactUrl('/api/waves/anything-at-all')).toBe('/api/waves/:code');
    expect(redactUrl('/S/ABCD-EFGH')).toBe('/S/:code');
    expect(redactUrl('/x/abcd%20efgh/y')).toBe('/x/:code/y');
    expect(redactUrl('/api/portal/authorities/E06000002/years?programme=ylyc')).toBe('/api/portal/authorities/E06000002/years?programme=…');
    expect(redactUrl('/survey/assets/index-4f3a.js')).toBe('/survey/assets/index-4f3a.js');
  });
});

describe('the count per minute', () => {
  it('is labelled with the minute counted and flushed at the next minute', () => {
    const at = Date.UTC(2026, 10, 30, 9, 58, 12, 345);
    expect(minuteOf(at)).toBe('2026-11-30T09:58Z');
    expect(untilNextMinute(at)).toBe(47_655);
    const logged: unknown[] = [];
    const log = { info: (...args: unknown[]) => logged.push(args) } as never;
    const requestLog = new RequestLog();
    requestLog.flushSubmissions(log, at);
    // Nothing counted, nothing logged.
    expect(logged).toEqual([]);
  });
});
