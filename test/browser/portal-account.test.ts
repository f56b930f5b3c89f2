// The portal's account pages in Chromium: changing one's own password
// (the current one asked for, a weak new one refused with the reason
// beside the field, other sessions ended) and a programme admin unlocking
// an account locked out by failed sign-ins. Both pass axe (WCAG 2.2 AA).
// Screenshots are kept for a person to look at when SCREENSHOTS names a folder.
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../../server/auth/passwords.js';
import { MAX_PAIR_FAILURES } from '../../server/auth/sign-in-limiter.js';
import { findUserByEmail } from '../../server/repos/users.js';
import { expectFocusOn, keepScreenshot } from '../helpers/browser.js';
import { PASSWORD, addUser, sessionOf, signInRequest } from '../helpers/portal.js';
import { portalInBrowser } from '../helpers/portal-browser.js';
import { axe } from '../helpers/survey-driver.js';

const NEW_PASSWORD = 'orchard pebble Lantern 58';

const env = portalInBrowser({}, async (t) => {
  await addUser(t, 'admin@example.org', 'programme_admin');
  await addUser(t, 'changer@example.org', 'programme_admin');
  await addUser(t, 'locked@example.org', 'programme_admin');
});

describe('changing one’s own password', () => {
  it('asks for the current password, shows why a weak one is refused, then changes it and signs out other sessions', async () => {
    const elsewhere = await sessionOf(env.t, 'changer@example.org');
    const page = await env.pageAs('changer@example.org', '/');
    // The tab's title changes with the page, not a frame later: a screen
    // reader announces both together. Read it the moment the heading appears.
    await page.evaluate(() => {
      const w = window as unknown as { titleWithHeading?: string };
      new MutationObserver((_, observer) => {
        if (document.querySelector('h1')?.textContent !== 'Change your password') return;
        w.titleWithHeading = document.title;
        observer.disconnect();
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await page.getByRole('link', { name: 'Change password' }).click();
    await page.getByRole('heading', { name: 'Change your password', level: 1 }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { titleWithHeading?: string }).titleWithHeading)).toBe(
      'Change your password – Hear Me portal',
    );

    const fill = async (current: string, password: string, repeat = password) => {
      await page.getByLabel('Current password', { exact: true }).fill(current);
      await page.getByLabel('New password', { exact: true }).fill(password);
      await page.getByLabel('The new password again', { exact: true }).fill(repeat);
      await page.getByRole('button', { name: 'Change my password' }).click();
    };
    await fill(PASSWORD, NEW_PASSWORD, 'orchard pebble lantern 58');
    await expect(page.locator('#pw-repeat-error').textContent()).resolves.toBe('the two new passwords are not the same');
    await expectFocusOn(page, 'pw-repeat');

    await fill('not my password at all', NEW_PASSWORD);
    await page.locator('#pw-current-error').waitFor();
    await expect(page.locator('#pw-current-error').textContent()).resolves.toBe('the current password is not right');
    await expect(page.getByLabel('Current password', { exact: true }).getAttribute('aria-describedby')).resolves.toBe('pw-current-error');
    await expectFocusOn(page, 'pw-current');

    // Long enough, but the estimator knows it: the reason is given beside the new password.
    await fill(PASSWORD, 'Welcome2Hearme');
    await page.locator('#pw-password-error').waitFor();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/^this password is too easy to guess.*choose a longer one/);
    await expect(page.getByLabel('New password', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
    await expectFocusOn(page, 'pw-password');
    await keepScreenshot(page, '20-password-refused', { fullPage: true });
    expect(await axe(page)).toEqual([]);

    await fill(PASSWORD, NEW_PASSWORD);
    await page.getByRole('status').filter({ hasText: 'Your password is changed' }).waitFor();
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    await expect(page.getByLabel('Current password', { exact: true }).inputValue()).resolves.toBe('');
    await keepScreenshot(page, '21-password-changed', { fullPage: true });
    expect(await axe(page)).toEqual([]);

    const user = await findUserByEmail(env.t.db, 'changer@example.org');
    expect(await verifyPassword(NEW_PASSWORD, user!.password_hash)).toBe(true);
    // This page stays signed in; the other session has ended.
    await page.getByRole('link', { name: 'Survey rounds' }).click();
    await page.getByRole('heading', { name: 'Survey rounds', level: 1 }).waitFor();
    expect((await elsewhere.call('GET', '/api/portal/me')).statusCode).toBe(401);
    await page.context().close();
  }, 120_000);
});

describe('unlocking an account on the Users page', () => {
  it('shows a locked-out account with an Unlock button, and unlocking lets it sign in again', async () => {
    for (let i = 0; i < MAX_PAIR_FAILURES; i++) expect((await signInRequest(env.t, 'locked@example.org', `wrong guess ${i}`)).statusCode).toBe(401);
    expect((await signInRequest(env.t, 'locked@example.org', PASSWORD)).statusCode).toBe(429);

    const page = await env.pageAs('admin@example.org', '/users');
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'locked@example.org' }) });
    await row.getByRole('cell', { name: 'Locked out (too many failed sign-ins)' }).waitFor();
    // Only the locked-out account has the button.
    await expect(page.getByRole('button', { name: /^Unlock / }).allTextContents()).resolves.toEqual(['Unlock locked@example.org']);
    await keepScreenshot(page, '22-users-locked', { fullPage: true });
    expect(await axe(page)).toEqual([]);

    await row.getByRole('button', { name: 'Unlock locked@example.org' }).click();
    await page.getByRole('status').filter({ hasText: 'Unlocked locked@example.org: they can sign in again now' }).waitFor();
    await row.getByRole('cell', { name: 'Active' }).waitFor();
    await expect(page.getByRole('button', { name: /^Unlock / }).count()).resolves.toBe(0);
    await keepScreenshot(page, '23-users-unlocked', { fullPage: true });

    expect((await signInRequest(env.t, 'locked@example.org', PASSWORD)).statusCode).toBe(204);
    const audit = await env.t.db.selectFrom('audit_log').select(['email', 'detail']).where('action', '=', 'sign_in_unlock').execute();
    expect(audit).toEqual([{ email: 'locked@example.org', detail: JSON.stringify({ by: 'admin@example.org' }) }]);
    await page.context().close();
  }, 120_000);

  it('logged no console errors', () => {
    expect(env.problems.filter((e) => !/the server answered|40[01]|429/.test(e))).toEqual([]);
  });
});
