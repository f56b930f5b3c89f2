// The action plan page in real Chromium: an officer goes from an indicator
// of the report to "Add an action" (the finding filled in), adds one, sees
// it in the board's table with its finding, updates its status with a
// note, and prints it without the top bar or buttons; a viewer reads the
// same table with no forms. Every state passes axe.
import { describe, expect, it } from 'vitest';
import { seedWave } from '../helpers/app.js';
import { expectFocusOn } from '../helpers/browser.js';
import { addUser } from '../helpers/portal.js';
import { portalInBrowser } from '../helpers/portal-browser.js';
import { submitResponses } from '../helpers/portal-seed.js';
import { axe } from '../helpers/survey-driver.js';

let wave: Awaited<ReturnType<typeof seedWave>>;
const env = portalInBrowser({ MIN_BASE: '2' }, async (t) => {
  wave = await seedWave(t, { period: '2024' });
  await submitResponses(t, wave.code, 3);
  await addUser(t, 'officer@example.org', 'authority_officer', [wave.authorityCode]);
  await addUser(t, 'viewer@example.org', 'viewer', [wave.authorityCode]);
});

describe('the action plan page', () => {
  it('an officer adds an action from the report, updates it, and prints the plan', async () => {
    const page = await env.pageAs('officer@example.org');
    await page.goto(`${env.base}/portal#/waves/${wave.waveId}/report`);
    // the finding as the report shows it: answers and percent of the indicator's row
    const add = page.getByRole('link', { name: 'Add an action on Knows who their social worker is, 11-17' });
    await add.waitFor(); // the report's data arrives after the page
    const reported = await page.getByRole('row').filter({ has: add }).locator('td').allTextContents();
    await add.click();
    await page.getByRole('heading', { name: 'Add an action', level: 2 }).waitFor();
    expect(await page.title()).toBe('Action plan – Hear Me portal');
    // the finding comes filled in from the report
    expect(await page.getByLabel('Finding (indicator)').inputValue()).toBe('knows_social_worker');
    expect(await page.getByLabel('Age band').inputValue()).toBe('11-17');
    await expectFocusOn(page, 'add-action');
    expect(await axe(page)).toEqual([]);

    await page.getByLabel('What we will do (in plain words)').fill('Every child will know who their social worker is');
    await page.getByLabel('Who owns it').fill('Head of service');
    await page.getByLabel('Due by').fill('2025-03-31');
    await page.getByRole('button', { name: 'Add the action' }).click();
    await page.getByRole('status').filter({ hasText: 'Added the action.' }).waitFor();
    const row = page.getByRole('row', { name: /Every child will know/ });
    await row.waitFor(); // the table reloads after the message shows
    const cells = await row.locator('td').allTextContents();
    expect(reported.slice(0, 2)).toEqual(['11-17', '3']);
    expect(cells.slice(0, 6)).toEqual([`${reported[2]!.split(' ')[0]} of 3`, 'Every child will know who their social worker is', 'Head of service', '2025-03-31', 'Planned', '–']);
    expect(await row.getByRole('rowheader').textContent()).toContain('(11-17 years, Children in care 2024)');

    await row.getByRole('button', { name: /^Update the action on Knows who their social worker is/ }).click();
    await page.getByRole('heading', { name: /^Update the action/ }).waitFor();
    expect(await axe(page)).toEqual([]);
    await page.getByLabel('Status').selectOption('in_progress');
    await page.getByLabel('Progress note (dated today)').fill('Contact sheets sent to every child');
    await page.getByRole('button', { name: 'Save the update' }).click();
    await page.getByRole('status').filter({ hasText: 'Updated the action' }).waitFor();
    const today = new Date().toISOString().slice(0, 10);
    await expect.poll(async () => (await row.locator('td').allTextContents()).slice(4, 6)).toEqual(['In progress', `${today}: Contact sheets sent to every child`]);
    expect(await axe(page)).toEqual([]);

    // printed: the table only, without the top bar, buttons or forms
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.top').isVisible()).toBe(false);
    expect(await page.getByRole('button').filter({ visible: true }).count()).toBe(0);
    expect(await page.locator('form').isVisible()).toBe(false);
    expect(await page.locator('table.action-plan').isVisible()).toBe(true);
    await page.context().close();
  }, 120_000);

  it('a viewer reads the plan and can change nothing', async () => {
    const page = await env.pageAs('viewer@example.org');
    await page.goto(`${env.base}/portal#/authorities/${wave.authorityCode}/actions`);
    await page.getByRole('heading', { name: `Action plan: Authority ${wave.authorityCode}`, level: 1 }).waitFor();
    expect(await page.getByRole('row', { name: /Every child will know/ }).locator('td').nth(4).textContent()).toBe('In progress');
    expect(await page.locator('form').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Update/ }).count()).toBe(0);
    expect(await axe(page)).toEqual([]);
    // the report offers the plan but no "Add an action"
    await page.goto(`${env.base}/portal#/waves/${wave.waveId}/report`);
    await page.getByRole('link', { name: 'Action plan' }).waitFor();
    expect(await page.getByRole('link', { name: /^Add an action/ }).count()).toBe(0);
    expect(env.problems).toEqual([]);
    await page.context().close();
  }, 120_000);
});
