// Free text sent through the real API, as reports show it: a disclosure is
// in the portal's safeguarding queue and in no report output (JSON, HTML,
// CSV); contact details, however typed, are masked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWave, testApp, type TestApp } from '../helpers/app.js';
import { addUser, signIn, type Session } from '../helpers/portal.js';
import { submitResponses } from '../helpers/portal-seed.js';

const DISCLOSURES = [
  'my foster carer touches me at night',
  'he kicked me and punched me',
  'i want to kill my self',
  'he hu\u200brts me',
  'أريد أن اقتل نفسي',
];
const ORDINARY = 'Please let me see my brother more';
const CONTACT = 'ring ٠٧٧٠٠ ٩٠٠١٢٣ or 07700\u2011900\u2011123, kid (at) example.com, instagram @jamie.smith2011';
const MASKED = 'ring [phone number removed] or [phone number removed], [email removed], instagram [username removed]';

let t: TestApp;
let officer: Session;
let waveId: number;
let authority: string;
beforeAll(async () => {
  t = await testApp({ MIN_BASE: '2' });
  const a = await seedWave(t, { period: '2025' });
  waveId = a.waveId;
  authority = a.authorityCode;
  for (const text of DISCLOSURES) await submitResponses(t, a.code, 1, text);
  await submitResponses(t, a.code, 2, ORDINARY);
  await submitResponses(t, a.code, 1, CONTACT);
  await addUser(t, 'officer@example.org', 'authority_officer', [authority]);
  officer = await signIn(t, 'officer@example.org');
});
afterAll(() => t.close());

describe('a caught disclosure', () => {
  it('is in the safeguarding queue', async () => {
    const { items } = (await officer.call('GET', `/api/portal/authorities/${authority}/safeguarding`)).json();
    const queued = new Set(items.map((i: { text: string }) => i.text));
    for (const text of DISCLOSURES) expect(queued).toContain(text);
    expect(queued).not.toContain(ORDINARY);
  });

  it('is in no report: JSON, HTML or CSV, only counted as withheld', async () => {
    const { report } = (await officer.call('GET', `/api/portal/waves/${waveId}/report`)).json();
    // One free-text answer in each response (submitResponses).
    expect(report.saidWithheld).toBe(DISCLOSURES.length);
    expect(report.said.map((s: { text: string }) => s.text)).toContain(ORDINARY);
    for (const format of ['json', 'html', 'csv']) {
      const body = (await officer.call('GET', `/api/portal/waves/${waveId}/report.${format}`)).body;
      // The JSON escapes nothing in these texts; the HTML escapes only & < > " '.
      for (const text of DISCLOSURES) expect(body, `${format}: ${text}`).not.toContain(text);
      if (format !== 'csv') expect(body).toContain(ORDINARY);
    }
  });
});

describe('contact details', () => {
  it('are masked in the report however they were typed, in JSON and HTML', async () => {
    const { report } = (await officer.call('GET', `/api/portal/waves/${waveId}/report`)).json();
    expect(report.said.map((s: { text: string }) => s.text)).toContain(MASKED);
    const html = (await officer.call('GET', `/api/portal/waves/${waveId}/report.html`)).body;
    expect(html).toContain(MASKED);
    for (const body of [JSON.stringify(report), html]) for (const raw of ['٩٠٠١٢٣', '900\u2011123', 'example.com', 'jamie.smith']) expect(body).not.toContain(raw);
  });
});
