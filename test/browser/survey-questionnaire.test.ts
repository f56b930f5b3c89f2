/// <reference lib="dom" />
// The DOM types are for the callbacks that page.evaluate runs in the browser.
// Councils' questionnaires in the child survey app (issue 14, step 4), in
// real Chromium: the example staff questionnaire (audience adults) end to
// end on a tablet and a phone, with plainer screens (no age, no faces, adult
// wording), agree5 as five numbered buttons, its own words read aloud, the
// answers checked in SQLite and axe on every screen; a children's
// questionnaire with faces and the age question, as the built-ins.
import { readFileSync } from 'node:fs';
import type { Page, Request } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { getInstrument } from '../../surveys/index.js';
import { storeQuestionnaire } from '../../server/repos/questionnaires.js';
import { keepScreenshot } from '../helpers/browser.js';
import { seedWave } from '../helpers/app.js';
import { asStored, axe, begin, ENGLISH_VOICE, hear, newContext, planFor, playClipsFast, send, walk } from '../helpers/survey-driver.js';
import { surveyInBrowser } from '../helpers/survey-server.js';

const env = surveyInBrowser();
const STAFF = JSON.parse(readFileSync(new URL('../../docs/examples/questionnaire-bh-staff.json', import.meta.url), 'utf8'));
const en = JSON.parse(readFileSync(new URL('../../surveys/locales/en.json', import.meta.url), 'utf8')) as {
  survey: Record<string, string>;
  scales: { agree5: Record<string, string> };
};

/** A children's questionnaire: its own age question and ages, faces, agree5 and free text, in English and Welsh. */
const CHILDREN = {
  id: 'kids-club',
  version: 1,
  title: { en: 'Our club', cy: 'Ein clwb' },
  audience: 'children',
  minAge: 8,
  maxAge: 11,
  locales: ['en', 'cy'],
  questions: [
    { id: 'age', type: 'age', text: { en: 'How old are you?', cy: 'Faint yw dy oed di?' } },
    { id: 'club_fun', type: 'faces3', text: { en: 'Is the club fun?', cy: 'Ydy’r clwb yn hwyl?' } },
    { id: 'club_safe', type: 'agree5', text: { en: 'I feel safe at the club', cy: 'Dw i’n teimlo’n ddiogel yn y clwb' } },
    { id: 'club_idea', type: 'text', text: { en: 'What would make it better?', cy: 'Beth fyddai’n ei wneud yn well?' } },
  ],
};

beforeAll(async () => {
  // For every authority (no owner), so the seeded rounds may use them.
  await storeQuestionnaire(env.srv.t.db, STAFF, null);
  await storeQuestionnaire(env.srv.t.db, CHILDREN, null);
});

/** A new round of `programme` opened on a device; `setup` runs before the page opens (a council's local questions for its authority). */
async function openRound(programme: string, viewport: { width: number; height: number }, init?: string, setup?: (authorityCode: string) => Promise<void>) {
  const wave = await seedWave(env.srv.t, { programme });
  await setup?.(wave.authorityCode);
  const ctx = await newContext(env.browser, { viewport });
  const page = await ctx.newPage();
  await playClipsFast(page);
  if (init) await page.addInitScript(init);
  const clips: string[] = [];
  page.on('request', (r: Request) => {
    if (r.url().includes('/survey/audio/') && !r.url().endsWith('manifest.json')) clips.push(new URL(r.url()).pathname.replace('/survey/audio/', ''));
  });
  await page.goto(`${env.srv.base}/s/${wave.code}`);
  await page.locator('#step-start').waitFor();
  return { wave, ctx, page, clips, authority: `Authority ${wave.authorityCode}` };
}

const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? '').trim();

describe('the staff questionnaire (audience adults)', () => {
  const staff = () => getInstrument('bh-staff', 1)!;

  it.each([
    { name: 'tablet', viewport: { width: 800, height: 1280 } },
    { name: 'phone', viewport: { width: 360, height: 740 } },
  ])('is answered end to end on a $name: plain screens, agree5 buttons, answers in SQLite, axe clean on every screen', async ({ name, viewport }) => {
    const { wave, ctx, page, clips, authority } = await openRound('bh-staff', viewport);
    const problems: Record<string, string[]> = {};
    const check = async (screen: string) => {
      const v = await axe(page);
      if (v.length) problems[screen] = v;
    };

    // Start: adult wording, no age to pick, one Start button.
    expect(await page.locator('main').textContent()).toContain(en.survey.welcome_adults!.replace('{{authority}}', authority));
    expect(await page.locator('.ages').count()).toBe(0);
    expect(await page.locator('#age-hint').count()).toBe(0);
    await check('start');
    await keepScreenshot(page, `questionnaire-staff-start-${name}`, { fullPage: true });
    await page.locator('main .primary', { hasText: en.survey.begin! }).click();

    const plan = { role: 'pm', time_for_children: 2, reflective_supervision: 5, anything_else: 'More admin support, please.' };
    const given = await walk(page, staff(), plan, {
      onScreen: async (id) => {
        await check(id);
        // Never a face, never the trusted adult's part.
        expect(await page.locator('main svg.face, #step-adult-intro, #step-handover').count()).toBe(0);
        if (id === 'q-role') {
          expect(await text(page, 'main h1')).toBe('Your role');
          if (name === 'tablet') {
            // The council's words alone, on a tablet with no voice (Chromium has none): the button says so, as for any screen.
            await page.locator('button.listen').click();
            await page.locator('button.listen', { hasText: en.survey.listen_none! }).waitFor();
          }
        }
        if (id === 'q-time_for_children') {
          const labels = await page.locator('.choices button.choice').allTextContents();
          expect(labels.map((l) => l.replace(/\s+/g, ' ').trim())).toEqual([1, 2, 3, 4, 5].map((n) => `${n} ${en.scales.agree5[n]}`));
          await keepScreenshot(page, `questionnaire-staff-agree5-${name}`, { fullPage: true });
          if (name === 'tablet') {
            // No voice: the question (a council's words) has no clip, but each of the five answers has one.
            await hear(page, 'button.listen');
            expect(clips.filter((c) => c.startsWith('en/'))).toHaveLength(5);
            expect(await text(page, 'button.listen')).toBe(en.survey.listen);
          }
        }
        if (id === 'q-anything_else') {
          const notice = await text(page, '.text-notice');
          expect(notice).toContain(en.survey.text_not_safe_adults);
          expect(notice).not.toContain('Childline');
          expect(notice).toContain(authority);
        }
      },
    });
    expect(given).toEqual(plan);
    await send(page);
    await page.locator('.status.sent').waitFor();
    expect(await text(page, 'main h1')).toBe(en.survey.thanks_adults);
    expect(await page.locator('main').textContent()).toContain(en.survey.what_next_adults!.replace('{{authority}}', authority));
    await check('end');
    expect(problems).toEqual({});

    const stored = await env.srv.responses(wave.waveId);
    expect(stored).toEqual([{ uuid: expect.any(String), instrument: 'bh-staff', answers: asStored(plan) }]);
    await ctx.close();
  });

  it('Listen reads the council’s own words with the tablet’s voice', async () => {
    const voiced = await openRound('bh-staff', { width: 800, height: 1280 }, ENGLISH_VOICE);
    await voiced.page.locator('main .primary').click();
    await voiced.page.locator('#q-role').waitFor();
    await voiced.page.locator('button.listen').click();
    await voiced.page.waitForFunction(() => (window as unknown as { __said: string[] }).__said.length > 0);
    const said = await voiced.page.evaluate(() => (window as unknown as { __said: string[] }).__said);
    expect(said).toEqual(['Your role. Social worker. Practice manager.']);
    expect(voiced.clips).toEqual([]);
    await voiced.ctx.close();
  });
});

describe('a questionnaire’s languages', () => {
  it('an English-only questionnaire’s start screen offers no other language, and a device left in Welsh starts it in English', async () => {
    const { wave, ctx, page } = await openRound('bh-staff', { width: 800, height: 1280 });
    // One language: no language row at all, on the drawn screen and once the app has taken it over.
    expect(await page.locator('#lang-heading, .languages button').count()).toBe(0);
    await ctx.close();

    // A device whose last choice was Welsh (made on the code screen, where the round is not known yet).
    const chose = await newContext(env.browser, { viewport: { width: 800, height: 1280 } });
    const codePage = await chose.newPage();
    await codePage.goto(`${env.srv.base}/`);
    await codePage.locator('#step-code').waitFor();
    await codePage.locator('.languages button[lang=cy]').click();
    await codePage.waitForFunction(() => document.documentElement.lang === 'cy');
    await codePage.locator('#code').fill(wave.code);
    await codePage.locator('main button[type=submit]').click();
    await codePage.locator('#step-start').waitFor();
    await codePage.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await text(codePage, 'main h1')).toBe(en.survey.welcome_heading);
    expect(await codePage.locator('.languages button').count()).toBe(0);
    await chose.close();
  });

  it('a questionnaire in English and Welsh offers those two, not Arabic', async () => {
    const { ctx, page } = await openRound('kids-club', { width: 768, height: 1024 });
    expect(await page.locator('.languages button').evaluateAll((bs) => bs.map((b) => b.getAttribute('lang')))).toEqual(['en', 'cy']);
    await ctx.close();
  });

  it('a ylyc round with a council’s local questions in English and Welsh offers those two, not Arabic', async () => {
    const local = {
      id: 'club-local',
      version: 1,
      title: { en: 'Our own questions', cy: 'Ein cwestiynau ni' },
      audience: 'young_people',
      locales: ['en', 'cy'],
      extends: { instrument: 'ylyc-11-17', version: 1 },
      questions: [{ id: 'youth_club', type: 'agree5', text: { en: 'The youth club is a good place for me', cy: 'Mae’r clwb ieuenctid yn lle da i mi' } }],
      indicators: [],
      scores: [],
    };
    const { ctx, page } = await openRound('ylyc', { width: 768, height: 1024 }, undefined, async (code) => {
      const { id } = await env.srv.t.db.selectFrom('authorities').select('id').where('code', '=', code).executeTakeFirstOrThrow();
      await storeQuestionnaire(env.srv.t.db, local, id);
    });
    expect(await page.locator('.languages button').evaluateAll((bs) => bs.map((b) => b.getAttribute('lang')))).toEqual(['en', 'cy']);
    await ctx.close();
  });
});

describe('a children’s questionnaire', () => {
  it('asks the age at the start and shows faces, in Welsh, as the built-ins do; answers in SQLite; axe clean on the faces', async () => {
    const { wave, ctx, page } = await openRound('kids-club', { width: 768, height: 1024 });
    const problems: Record<string, string[]> = {};
    expect(await page.locator('.ages button').allTextContents()).toEqual(['8', '9', '10', '11']);
    await begin(page, 9, { locale: 'cy' });
    const inst = getInstrument('kids-club', 1)!;
    const plan = planFor(inst, 99);
    const given = await walk(page, inst, plan, {
      onScreen: async (id) => {
        if (id === 'q-club_fun') {
          const v = await axe(page);
          if (v.length) problems[id] = v;
          expect(await text(page, 'main h1')).toBe('Ydy’r clwb yn hwyl?');
          expect(await page.locator('.choices svg.face').count()).toBe(3);
        }
      },
    });
    await send(page);
    await page.locator('.status.sent').waitFor();
    expect(problems).toEqual({});
    const stored = await env.srv.responses(wave.waveId);
    expect(stored).toEqual([{ uuid: expect.any(String), instrument: 'kids-club', answers: asStored({ age: 9, ...given }) }]);
    await ctx.close();
  });
});
