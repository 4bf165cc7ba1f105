import type { Browser, Page } from 'playwright-core';
import { DEMO, DEMO_LAB_NAME } from '../support/api.js';
import { launchChromium, loginAs, screenshot, seriousViolations } from '../support/browser.js';
import { DEMO_PASSWORD, RelabProcess } from '../support/relab-server.js';

const login = (page: Page, url: string, email: string) => loginAs(page, url, email, DEMO_PASSWORD);
const agendaItem = (page: Page, title: string) => page.getByTestId('agenda-item').filter({ hasText: title });

/** Tomorrow, as the date input wants it (yyyy-mm-dd). */
function tomorrow(): string {
  const d = new Date(Date.now() + 24 * 3600 * 1000);
  return d.toISOString().slice(0, 10);
}

describe('lab session: planned with an agenda, run live with a timer, raised hands and "bring everyone", then reported', () => {
  let server: RelabProcess;
  let browser: Browser;
  let fien: Page; // facilitator
  let jonas: Page; // justice assistant
  let sessionUrl = '';

  beforeAll(async () => {
    server = await RelabProcess.start();
    browser = await launchChromium();
    fien = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-BE', timezoneId: 'Europe/Brussels', acceptDownloads: true })).newPage();
    jonas = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'nl-BE', timezoneId: 'Europe/Brussels', isMobile: true, hasTouch: true })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the facilitator plans a session with a timed agenda, one item pointing at the lab’s whiteboard', async () => {
    await login(fien, server.url, DEMO.facilitator);
    await fien.getByTestId('lab-link').filter({ hasText: DEMO_LAB_NAME }).click();
    await fien.getByTestId('lab-sessions-link').click();
    await fien.getByTestId('sessions-title').waitFor();
    await fien.getByTestId('session-new').click();
    await fien.getByTestId('plan-title').fill('Labsessie november');
    await fien.getByTestId('plan-date').fill(tomorrow());
    await fien.getByTestId('plan-time').fill('19:00');
    await fien.getByTestId('plan-duration').fill('90');
    await fien.getByTestId('plan-location').fill('Ontmoetingscentrum (fictief)');
    await fien.getByTestId('agenda-add').click();
    let row = fien.getByTestId('agenda-row').nth(0);
    await row.getByTestId('agenda-row-title').fill('Welkom en afspraken');
    await row.getByTestId('agenda-row-minutes').fill('10');
    await fien.getByTestId('agenda-add').click();
    row = fien.getByTestId('agenda-row').nth(1);
    await row.getByTestId('agenda-row-title').fill('Steunnetwerk in kaart');
    await row.getByTestId('agenda-row-minutes').fill('30');
    await row.getByTestId('agenda-row-kind').selectOption('board');
    const ref = row.getByTestId('agenda-row-ref');
    await ref.locator('option').nth(1).waitFor({ state: 'attached' });
    await ref.selectOption({ index: 1 });
    expect(await seriousViolations(fien)).toEqual([]);
    await screenshot(fien, '26-session-plan');
    await fien.getByTestId('plan-submit').click();
    await fien.getByTestId('session-title').waitFor();
    sessionUrl = fien.url();
    expect(sessionUrl).toMatch(/\/labs\/[0-9a-f-]{36}\/sessions\/[0-9a-f-]{36}$/);
    // 19:00 in Brussels, shown in Dutch
    expect(await fien.getByTestId('session-when').textContent()).toContain('19:00');
    // the calendar file is there for everyone
    const href = await fien.getByTestId('session-ics').getAttribute('href');
    expect(href).toBeTruthy();
    const ics = await fien.evaluate(async (h) => (await fetch(h)).text(), href!);
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain('Labsessie november');
  });

  test('both accept the ground rules once and meet in the live room', async () => {
    await fien.getByTestId('consent-panel').waitFor();
    await fien.getByTestId('consent-agree').click();
    await fien.getByTestId('session-start').click();
    await fien.getByTestId('live-room').waitFor();

    await login(jonas, server.url, DEMO.justiceAssistant);
    await jonas.goto(sessionUrl);
    await jonas.getByTestId('consent-panel').waitFor();
    expect(await jonas.getByTestId('consent-text').textContent()).toContain('Chatham House');
    await jonas.getByTestId('consent-agree').click();
    await jonas.getByTestId('live-room').waitFor();
    // each sees the other present
    for (const page of [fien, jonas]) {
      await page.locator('[data-testid="session-presence"][data-count="2"]').waitFor();
    }
  });

  test('the facilitator sets the current item and starts its timer: the other sees it live, counting down', async () => {
    await agendaItem(fien, 'Welkom en afspraken').getByTestId('agenda-set-current').click();
    await fien.getByTestId('timer-start').click();
    const timer = jonas.getByTestId('timer-display');
    await jonas.locator('[data-testid="current-item-title"]', { hasText: 'Welkom en afspraken' }).waitFor();
    await jonas.locator('[data-testid="timer-display"][data-running="true"]').waitFor();
    const first = Number(await timer.getAttribute('data-remaining'));
    expect(first).toBeGreaterThan(9 * 60);
    expect(first).toBeLessThanOrEqual(10 * 60);
    await jonas.waitForFunction((start) => Number(document.querySelector('[data-testid="timer-display"]')?.getAttribute('data-remaining')) < start, first, { timeout: 5000 });
    // pausing stops it for everyone
    await fien.getByTestId('timer-pause').click();
    await jonas.locator('[data-testid="timer-display"][data-running="false"]').waitFor();
    expect(await seriousViolations(jonas)).toEqual([]);
    await screenshot(jonas, '27-session-live-phone');
  });

  test('a raised hand reaches the facilitator in order, who lowers it', async () => {
    await jonas.getByTestId('hand-raise').click();
    const entry = fien.getByTestId('hand-entry');
    await entry.waitFor();
    expect(await entry.count()).toBe(1);
    expect(await entry.textContent()).toContain('Jonas');
    await screenshot(fien, '28-session-live-facilitator');
    await entry.getByTestId('hand-lower-other').click();
    await jonas.getByTestId('hand-raise').waitFor();
    await fien.getByTestId('hands-empty').waitFor();
  });

  test('"bring everyone to this item" takes the other to the whiteboard item, with a link to open it', async () => {
    const boardItem = agendaItem(fien, 'Steunnetwerk in kaart');
    const itemId = await boardItem.getAttribute('data-item-id');
    await boardItem.getByTestId('agenda-bring').click();
    const notice = jonas.getByTestId('bring-notice');
    await notice.waitFor();
    expect(await notice.getAttribute('data-item-id')).toBe(itemId);
    expect(await jonas.getByTestId('bring-go-there').getAttribute('href')).toMatch(/\/boards\/[0-9a-f-]{36}$/);
    await jonas.locator(`[data-testid="agenda-item"][data-item-id="${itemId}"][data-brought="true"]`).waitFor();
  });

  test('the notes are shared live; ending the session versions them and opens the report', async () => {
    const editor = fien.getByTestId('session-notes-editor');
    await editor.click();
    await fien.keyboard.type('Afspraak: volgende keer de werkgevers uitnodigen.');
    await jonas.getByTestId('session-notes-editor').filter({ hasText: 'werkgevers uitnodigen' }).waitFor();
    await fien.locator('[data-testid="collab-status"][data-status="saved"]').first().waitFor();

    await fien.getByTestId('session-end').click();
    await fien.getByTestId('session-end-confirm').click();
    await fien.getByTestId('report-summary').waitFor();
    // attendance by stakeholder group, the items covered, a saved version of the notes
    await fien.getByTestId('report-group').first().waitFor();
    expect(await fien.getByTestId('report-attendee').count()).toBe(2);
    expect(await fien.getByTestId('report-item').count()).toBeGreaterThanOrEqual(1);
    await fien.locator('[data-testid="report-version"][data-doc-name^="session-notes:"]').waitFor();
    expect(await fien.getByTestId('report-export-pdf').getAttribute('href')).toContain('report.pdf');
    expect(await seriousViolations(fien)).toEqual([]);
    await screenshot(fien, '29-session-report');
    await jonas.getByTestId('session-ended').waitFor();
  });
});
