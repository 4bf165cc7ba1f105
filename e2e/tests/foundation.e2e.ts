import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, RelabProcess } from '../support/relab-server.js';
import { launchChromium, screenshot, seriousViolations } from '../support/browser.js';

const LOCALES = resolve(dirname(fileURLToPath(import.meta.url)), '../../web/src/i18n/locales');
const fr = JSON.parse(readFileSync(resolve(LOCALES, 'fr.json'), 'utf8'));
const nl = JSON.parse(readFileSync(resolve(LOCALES, 'nl.json'), 'utf8'));
/** A translation by dotted key, so the test follows the locale files instead of copying strings. */
const t = (dict: Record<string, unknown>, key: string): string => key.split('.').reduce<any>((o, k) => o?.[k], dict);

const LAB_NAME = 'Living Lab Leuven-Brussel (e2e, fictief)';

describe('foundation: a facilitator opens a lab, a family member joins it by code and reads it in French', () => {
  let server: RelabProcess;
  let browser: Browser;
  let facilitator: Page;
  let family: Page;
  let joinCode = '';

  beforeAll(async () => {
    server = await RelabProcess.start();
    browser = await launchChromium();
    facilitator = await (await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'nl-BE' })).newPage();
    // the family member is on a phone
    family = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'nl-BE' })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the facilitator logs in with the demo account', async () => {
    await facilitator.goto(`${server.url}/login`);
    expect(await seriousViolations(facilitator)).toEqual([]);
    await screenshot(facilitator, '01-login');
    await facilitator.getByTestId('login-email').fill('facilitator@demo.relab.example');
    await facilitator.getByTestId('login-password').fill(DEMO_PASSWORD);
    await facilitator.getByTestId('login-submit').click();
    await facilitator.getByTestId('lab-link').first().waitFor();
    expect(await seriousViolations(facilitator)).toEqual([]);
    await screenshot(facilitator, '02-lab-list');
  });

  test('the facilitator creates a lab and lands on its page', async () => {
    await facilitator.getByTestId('lab-name').fill(LAB_NAME);
    await facilitator.getByTestId('lab-description').fill('Fictieve lab voor de browsertest.');
    for (const lang of ['nl', 'fr']) {
      const box = facilitator.getByTestId(`lab-language-${lang}`);
      if (!(await box.isChecked())) await box.check();
    }
    await facilitator.getByTestId('lab-create-submit').click();
    // after creating, the app opens the new lab's page
    await facilitator.getByTestId('lab-title').filter({ hasText: LAB_NAME }).waitFor();
    await expect(facilitator.getByTestId('lab-title').textContent()).resolves.toContain(LAB_NAME);
    expect(await seriousViolations(facilitator)).toEqual([]);
    await screenshot(facilitator, '03-lab-page');
  });

  test('the facilitator invites a family member by code', async () => {
    await facilitator.getByTestId('invite-participant-role').selectOption('family');
    await facilitator.getByTestId('invite-participant-submit').click();
    const code = facilitator.getByTestId('invite-code');
    await code.waitFor();
    joinCode = (await code.textContent())!.trim();
    expect(joinCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await screenshot(facilitator, '04-invitation-code');
  });

  test('on a phone, the family member joins with the code under a pseudonym', async () => {
    await family.goto(`${server.url}/join`);
    await family.getByTestId('join-code').fill(joinCode);
    expect(await seriousViolations(family)).toEqual([]);
    await screenshot(family, '05-join-phone');
    // the preview shows which lab the code is for before anything is created
    // leaving the code field checks it: the lab's name appears before anything is created
    await family.getByTestId('join-display-name').focus();
    await family.getByText(LAB_NAME).first().waitFor();
    await family.getByTestId('join-display-name').fill('Mama S.');
    await family.getByTestId('join-language').selectOption('nl');
    await family.getByTestId('join-submit').click();
    const recovery = family.getByTestId('recovery-code');
    await recovery.waitFor();
    expect((await recovery.textContent())!.trim()).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(await seriousViolations(family)).toEqual([]);
    await screenshot(family, '06-recovery-code-phone');
    await family.getByTestId('recovery-ack').click();
    await family.getByTestId('lab-title').waitFor();
    expect(await family.getByTestId('lab-title').textContent()).toContain(LAB_NAME);
    expect(await family.evaluate(() => document.documentElement.lang)).toBe('nl');
  });

  test('the family member switches to French and sees the lab in French', async () => {
    await family.getByTestId('language-switcher').selectOption('fr');
    await family.waitForFunction(() => document.documentElement.lang === 'fr');
    const roleFr = t(fr, 'roles.family');
    const roleNl = t(nl, 'roles.family');
    expect(roleFr).toBeTruthy();
    expect(roleFr).not.toBe(roleNl);
    await family.getByTestId('members-table').getByText(roleFr).first().waitFor();
    expect(await seriousViolations(family)).toEqual([]);
    await screenshot(family, '07-lab-in-french-phone');
    // the choice is kept on the account: after a reload the lab is still in French
    await family.reload();
    await family.getByTestId('lab-title').waitFor();
    expect(await family.evaluate(() => document.documentElement.lang)).toBe('fr');
  });

  test('the facilitator sees the family member by the pseudonym they chose', async () => {
    await facilitator.reload();
    const table = facilitator.getByTestId('members-table');
    await table.getByText('Mama S.', { exact: true }).waitFor();
    await screenshot(facilitator, '08-members-with-family');
    // (that no e-mail or municipality of a family member is ever sent is proven by the server's tests)
  });

  test('the pages work by keyboard: the login form is reachable and submittable without a mouse', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}/login`);
    const focused: string[] = [];
    for (let i = 0; i < 12 && !focused.includes('login-submit'); i++) {
      await page.keyboard.press('Tab');
      focused.push(await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? ''));
    }
    expect(focused).toEqual(expect.arrayContaining(['login-email', 'login-password', 'login-submit']));
    await page.getByTestId('login-email').focus();
    await page.keyboard.type('facilitator@demo.relab.example');
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('lab-link').first().waitFor();
    await page.context().close();
  });
});
