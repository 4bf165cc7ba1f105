import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { DEMO, DEMO_LAB_NAME } from '../support/api.js';
import { launchChromium, loginAs, screenshot, seriousViolations, typeAtEnd } from '../support/browser.js';
import { DEMO_PASSWORD, RelabProcess } from '../support/relab-server.js';

const LOCALES = resolve(dirname(fileURLToPath(import.meta.url)), '../../web/src/i18n/locales');
const nl = JSON.parse(readFileSync(resolve(LOCALES, 'nl.json'), 'utf8'));
const t = (dict: Record<string, unknown>, key: string): string => key.split('.').reduce<any>((o, k) => o?.[k], dict);

const FIEN_TEXT = 'Agenda: wonen, werk en het netwerk rond de terugkeer.';
const JONAS_TEXT = 'Opmerking van de justitieassistent over de voorwaarden.';
const VERSION_NAME = 'Na de eerste bijeenkomst';
const LATER_TEXT = 'Tijdelijke zin die na het terugzetten verdwijnt.';

const login = (page: Page, url: string, email: string) => loginAs(page, url, email, DEMO_PASSWORD);

const editor = (page: Page) => page.getByTestId('notes-editor');
const savedStatus = (page: Page) => page.locator('[data-testid="collab-status"][data-status="saved"]');

describe('lab notebook: two practitioners write together live, and save a version', () => {
  let server: RelabProcess;
  let browser: Browser;
  let fien: Page; // facilitator, desktop
  let jonas: Page; // practitioner, phone
  let notesUrl = '';

  beforeAll(async () => {
    server = await RelabProcess.start();
    browser = await launchChromium();
    fien = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-BE' })).newPage();
    jonas = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'nl-BE' })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the facilitator opens the notebook from the lab page; it connects and says "saved"', async () => {
    await login(fien, server.url, DEMO.facilitator);
    await fien.getByTestId('lab-link').filter({ hasText: DEMO_LAB_NAME }).click();
    await fien.getByTestId('lab-title').waitFor();
    await fien.getByTestId('lab-notebook-link').click();
    await fien.getByTestId('notes-title').waitFor();
    notesUrl = fien.url();
    expect(notesUrl).toMatch(/\/labs\/[0-9a-f-]{36}\/notes$/);
    await savedStatus(fien).waitFor();
    expect((await fien.getByTestId('collab-status').textContent())!.trim()).toContain(t(nl, 'collab.status.saved'));
    expect(await editor(fien).getAttribute('contenteditable')).toBe('true');
  });

  test('a practitioner opens it on a phone', async () => {
    await login(jonas, server.url, DEMO.justiceAssistant);
    await jonas.goto(notesUrl);
    await savedStatus(jonas).waitFor();
    // each one is listed as present for the other
    await fien.getByTestId('presence-person').filter({ hasText: 'Jonas Voorbeeld' }).waitFor();
    await jonas.getByTestId('presence-person').filter({ hasText: 'Fien Demo' }).waitFor();
  });

  test('both type; each sees the text of the other and the other one\'s caret with their name', async () => {
    await typeAtEnd(editor(fien), FIEN_TEXT);
    await typeAtEnd(editor(jonas), JONAS_TEXT);
    await editor(jonas).getByText(FIEN_TEXT).waitFor();
    await editor(fien).getByText(JONAS_TEXT).waitFor();
    await fien.locator('.collaboration-carets__label', { hasText: 'Jonas Voorbeeld' }).waitFor();
    await jonas.locator('.collaboration-carets__label', { hasText: 'Fien Demo' }).waitFor();
    await savedStatus(fien).waitFor();
    await savedStatus(jonas).waitFor();
    // the name label is legible: its text colour differs from its background
    const colours = await fien.locator('.collaboration-carets__label').first().evaluate((el) => {
      const s = getComputedStyle(el);
      return { fg: s.color, bg: s.backgroundColor };
    });
    expect(colours.fg).not.toBe(colours.bg);
    expect(await seriousViolations(fien)).toEqual([]);
    expect(await seriousViolations(jonas)).toEqual([]);
    await screenshot(fien, '09-lab-notebook');
    await screenshot(jonas, '10-lab-notebook-phone');
  });

  test('the text is stored: after a reload it is still there', async () => {
    await jonas.reload();
    await savedStatus(jonas).waitFor();
    await editor(jonas).getByText(FIEN_TEXT).waitFor();
    await editor(jonas).getByText(JONAS_TEXT).waitFor();
  });

  test('the facilitator saves a named version, sees it listed and views it read-only', async () => {
    await fien.getByTestId('version-name').fill(VERSION_NAME);
    await fien.getByTestId('version-save').click();
    const row = fien.getByTestId('version-row').filter({ hasText: VERSION_NAME });
    await row.waitFor();
    await row.getByTestId('version-view').click();
    const content = fien.getByTestId('version-content');
    await content.getByText(FIEN_TEXT).waitFor();
    expect(await content.getAttribute('contenteditable')).toBe('false');
    expect(await seriousViolations(fien)).toEqual([]);
    await screenshot(fien, '11-lab-notebook-version');
    await fien.getByTestId('version-close').press('Enter');
    await content.waitFor({ state: 'detached' });
    // the keyboard focus goes back to the button that opened the version
    await fien.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'version-view');
  });

  test('restoring the version removes what was written after it, for everyone, live', async () => {
    await typeAtEnd(editor(jonas), LATER_TEXT);
    await editor(fien).getByText(LATER_TEXT).waitFor();
    await savedStatus(jonas).waitFor();
    const row = fien.getByTestId('version-row').filter({ hasText: VERSION_NAME }).first();
    await row.getByTestId('version-restore').click();
    await row.getByTestId('version-restore-confirm').click();
    await editor(jonas).getByText(LATER_TEXT).waitFor({ state: 'detached' });
    await editor(fien).getByText(LATER_TEXT).waitFor({ state: 'detached' });
    await editor(jonas).getByText(FIEN_TEXT).waitFor();
    await fien.getByTestId('versions-notice').filter({ hasText: VERSION_NAME }).waitFor();
  });

  test('an observer reads the notebook but cannot edit it, and cannot save versions', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1024, height: 800 }, locale: 'en-GB' })).newPage();
    await login(page, server.url, DEMO.observer);
    await page.goto(notesUrl);
    await page.getByTestId('notes-read-only').waitFor();
    await editor(page).getByText(FIEN_TEXT).waitFor();
    expect(await editor(page).getAttribute('contenteditable')).toBe('false');
    // the version list loads on its own request: wait for it before counting
    await page.getByTestId('version-row').filter({ hasText: VERSION_NAME }).first().waitFor();
    expect(await page.getByTestId('version-save').count()).toBe(0);
    expect(await page.getByTestId('version-restore').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  test('by keyboard: Tab reaches the formatting buttons and the text, and typing there works', async () => {
    await fien.goto(notesUrl);
    await savedStatus(fien).waitFor();
    const reached: string[] = [];
    for (let i = 0; i < 40 && !reached.includes('notes-editor'); i++) {
      await fien.keyboard.press('Tab');
      reached.push(
        await fien.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.getAttribute('aria-label') ?? ''),
      );
    }
    expect(reached).toContain(t(nl, 'editor.bold'));
    expect(reached).toContain('notes-editor');
    await fien.keyboard.press('Control+End');
    await fien.keyboard.type(' Met het toetsenbord.');
    await editor(jonas).getByText('Met het toetsenbord.', { exact: false }).waitFor();
  });
  test('offline on the phone: the status says so, typing goes on, and the text arrives when the network is back', async () => {
    await jonas.goto(notesUrl);
    await savedStatus(jonas).waitFor();
    await jonas.context().setOffline(true);
    await jonas.locator('[data-testid="collab-status"][data-status="offline"]').waitFor({ timeout: 10_000 });
    expect((await jonas.getByTestId('collab-status').textContent())!).toContain(t(nl, 'collab.status.offline'));
    await typeAtEnd(editor(jonas), 'Geschreven zonder netwerk.');
    await screenshot(jonas, '12-lab-notebook-offline-phone');
    await jonas.context().setOffline(false);
    await editor(fien).getByText('Geschreven zonder netwerk.').waitFor({ timeout: 20_000 });
    await savedStatus(jonas).waitFor();
  });

  test('logging out deletes the notebook copy kept on this device', async () => {
    const localCopies = () =>
      jonas.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('relab-collab:')));
    expect(await localCopies()).toHaveLength(1);
    await jonas.getByTestId('logout').click();
    await jonas.getByTestId('login-email').waitFor();
    const deadline = Date.now() + 10_000;
    while ((await localCopies()).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await localCopies()).toEqual([]);
  });
});
