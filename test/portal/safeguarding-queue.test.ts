// The safeguarding queue names answers by a reference in no order, never
// the response's row id: that id is one sequence over every submission, and
// its order would say when each child answered. Marking an answer as seen
// takes the reference.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerReference } from '../../server/safeguarding/reference.js';
import { seedWave, testApp, type TestApp } from '../helpers/app.js';
import { addUser, signIn, type Session } from '../helpers/portal.js';
import { submitResponses } from '../helpers/portal-seed.js';

const DISCLOSURES = ['he hits me', 'my carer hurts me', 'i want to kill myself', 'he touched me', 'i self harm', 'they bully me every day'];
const ORDINARY = 'more trips to the seaside please';

interface Item {
  reference: string;
  question: string;
  text: string;
  submittedOn: string;
  seen: { note: string } | null;
}

let t: TestApp;
let officer: Session;
let otherOfficer: Session;
let authority: string;
let items: Item[];
beforeAll(async () => {
  t = await testApp();
  const a = await seedWave(t, { period: '2025' });
  const b = await seedWave(t, { period: '2025' });
  authority = a.authorityCode;
  for (const text of DISCLOSURES) await submitResponses(t, a.code, 1, text);
  await submitResponses(t, a.code, 1, ORDINARY);
  await submitResponses(t, b.code, 1, 'he hits me at home');
  await addUser(t, 'officer@example.org', 'authority_officer', [a.authorityCode]);
  await addUser(t, 'other@example.org', 'authority_officer', [b.authorityCode]);
  officer = await signIn(t, 'officer@example.org');
  otherOfficer = await signIn(t, 'other@example.org');
  items = (await officer.call('GET', `/api/portal/authorities/${authority}/safeguarding`)).json().items;
});
afterAll(() => t.close());

describe('the safeguarding queue', () => {
  it('names each answer by a reference that is neither the row id nor the UUID, in no order of arrival', async () => {
    const stored = await t.db.selectFrom('responses').select(['id', 'uuid']).execute();
    // One free-text answer per question in each response: each disclosure is queued once per text question.
    expect(new Set(items.map((i) => i.text))).toEqual(new Set(DISCLOSURES));
    for (const item of items) {
      expect(Object.keys(item)).not.toContain('response');
      expect(item.reference).toMatch(/^[0-9a-f]{12}$/);
      for (const r of stored) {
        expect(item.reference).not.toBe(String(r.id));
        expect(r.uuid).not.toContain(item.reference);
      }
    }
    // The answers of one response share its reference; different responses do not.
    const byText = new Map<string, Set<string>>();
    for (const i of items) byText.set(i.text, (byText.get(i.text) ?? new Set()).add(i.reference));
    for (const refs of byText.values()) expect(refs.size).toBe(1);
    expect(new Set(items.map((i) => i.reference)).size).toBe(DISCLOSURES.length);
    // Within a day, by reference: the order says nothing of when they came in.
    const order = items.map((i) => `${i.submittedOn} ${i.reference} ${i.question}`);
    expect(order).toEqual([...order].sort((x, y) => y.slice(0, 10).localeCompare(x.slice(0, 10)) || x.slice(11).localeCompare(y.slice(11))));
  });

  it('marks an answer seen by its reference, as typed, and audits the reference, not the row id', async () => {
    const item = items[0]!;
    const typed = `${item.reference.slice(0, 4).toUpperCase()}-${item.reference.slice(4, 8)} ${item.reference.slice(8)}`;
    const res = await officer.call('POST', `/api/portal/safeguarding/${encodeURIComponent(typed)}/${item.question}/seen`, { note: 'passed to the duty team' });
    expect(res.statusCode, res.body).toBe(200);
    const after: Item[] = (await officer.call('GET', `/api/portal/authorities/${authority}/safeguarding`)).json().items;
    expect(after.find((i) => i.reference === item.reference && i.question === item.question)!.seen!.note).toBe('passed to the duty team');
    const row = await t.db.selectFrom('audit_log').select('detail').where('action', '=', 'safeguarding_seen').executeTakeFirstOrThrow();
    expect(JSON.parse(row.detail!)).toEqual({ reference: item.reference, question: item.question, note: 'passed to the duty team' });
  });

  it('finds nothing by row id, outside the officer’s authorities, or for an answer not in the queue', async () => {
    const item = items[1]!;
    const { id } = await t.db.selectFrom('responses').select('id').orderBy('id').executeTakeFirstOrThrow();
    expect((await officer.call('POST', `/api/portal/safeguarding/${id}/${item.question}/seen`, { note: '' })).statusCode).toBe(400);
    expect((await otherOfficer.call('POST', `/api/portal/safeguarding/${item.reference}/${item.question}/seen`, { note: '' })).statusCode).toBe(404);
    expect((await officer.call('POST', `/api/portal/safeguarding/${item.reference}/age/seen`, { note: '' })).statusCode).toBe(404);
    expect((await officer.call('POST', `/api/portal/safeguarding/000000000000/${item.question}/seen`, { note: '' })).statusCode).toBe(404);
    const ordinary = await t.db
      .selectFrom('answers')
      .innerJoin('responses', 'responses.id', 'answers.response_id')
      .select(['responses.uuid', 'answers.question'])
      .where('answers.value', '=', ORDINARY)
      .executeTakeFirstOrThrow();
    expect((await officer.call('POST', `/api/portal/safeguarding/${answerReference(ordinary.uuid)}/${ordinary.question}/seen`, { note: '' })).statusCode).toBe(404);
  });
});
