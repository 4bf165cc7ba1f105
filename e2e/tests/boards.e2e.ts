import { statSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { DEMO, DEMO_LAB_NAME } from '../support/api.js';
import { launchChromium, loginAs, screenshot, seriousViolations } from '../support/browser.js';
import { DEMO_PASSWORD, RelabProcess } from '../support/relab-server.js';

const login = (page: Page, url: string, email: string) => loginAs(page, url, email, DEMO_PASSWORD);
const saved = (page: Page) => page.locator('[data-testid="collab-status"][data-status="saved"]').first();
const items = (page: Page) => page.getByTestId('board-shape-item');
const stickies = (page: Page) => page.locator('[data-testid="board-shape-item"][data-type="sticky"]');
const byText = (page: Page, text: string) => page.locator(`[data-testid="board-shape-item"][data-text="${text}"]`);

/** The canvas position (relative to the canvas element) of a board point. */
async function at(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const c = page.getByTestId('board-canvas');
  const [vx, vy, scale] = await Promise.all(['data-vx', 'data-vy', 'data-scale'].map(async (a) => Number(await c.getAttribute(a))));
  return { x: x * scale! + vx!, y: y * scale! + vy! };
}

/** Selects a shape through the accessible list (Enter on an unselected item selects it). */
async function selectInList(page: Page, item: Locator): Promise<void> {
  await page.getByTestId('tool-select').click();
  const id = await item.getAttribute('data-shape-id');
  await item.locator('button').first().focus();
  if ((await item.getAttribute('data-selected')) !== 'true') await page.keyboard.press('Enter');
  await page.locator(`[data-testid="board-shape-item"][data-shape-id="${id}"][data-selected="true"]`).waitFor({ state: 'attached' });
  // only this one: a shape selected before (e.g. the one just moved) would join the selection otherwise
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="board-shape-item"][data-selected="true"]').length === 1);
  // the list is shown while it has the focus; leave it, so the panel does not move under the next click
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

async function numberAttr(l: Locator, name: string): Promise<number> {
  return Number(await l.getAttribute(name));
}

/** Adds a sticky note at a board point and types its text. */
async function addSticky(page: Page, x: number, y: number, text: string): Promise<void> {
  const before = await stickies(page).count();
  await page.getByTestId('tool-sticky').click();
  await page.getByTestId('board-canvas').click({ position: await at(page, x, y) });
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="board-shape-item"][data-type="sticky"]').length === n, before + 1);
  const editor = page.getByTestId('shape-text-editor');
  if (!(await editor.isVisible())) {
    const added = stickies(page).last();
    await page.getByTestId('board-canvas').dblclick({ position: await at(page, (await numberAttr(added, 'data-x')) + 40, (await numberAttr(added, 'data-y')) + 40) });
  }
  await editor.fill(text);
  await editor.press('Escape');
  await byText(page, text).waitFor({ state: 'attached' });
}

describe('whiteboard: two people co-create live, the facilitator runs a dot vote', () => {
  let server: RelabProcess;
  let browser: Browser;
  let fien: Page; // facilitator
  let jonas: Page; // justice assistant
  let boardUrl = '';

  beforeAll(async () => {
    server = await RelabProcess.start();
    browser = await launchChromium();
    fien = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-BE', acceptDownloads: true })).newPage();
    jonas = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-BE' })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the facilitator creates a board from the retrospective template', async () => {
    await login(fien, server.url, DEMO.facilitator);
    await fien.getByTestId('lab-link').filter({ hasText: DEMO_LAB_NAME }).click();
    await fien.getByTestId('lab-boards-link').click();
    await fien.getByTestId('boards-title').waitFor();
    await fien.getByTestId('board-new').click();
    await fien.getByTestId('board-new-title').fill('Wat we hoorden, wat we proberen');
    await fien.getByTestId('board-new-template').selectOption('retrospective');
    await fien.getByTestId('board-new-submit').click();
    await fien.getByTestId('board-canvas').waitFor();
    boardUrl = fien.url();
    expect(boardUrl).toMatch(/\/labs\/[0-9a-f-]{36}\/boards\/[0-9a-f-]{36}$/);
    await saved(fien).waitFor();
    // the template's frames, in Dutch
    await fien.locator('[data-testid="board-shape-item"][data-type="frame"][data-text="Wat we hoorden"]').waitFor({ state: 'attached' });
  });

  test('a second person opens it; sticky notes and a connector added by one appear live for the other', async () => {
    await login(jonas, server.url, DEMO.justiceAssistant);
    await jonas.goto(boardUrl);
    await saved(jonas).waitFor();
    await fien.getByTestId('zoom-reset').click();
    await addSticky(fien, 100, 250, 'Een buddy uit de buurt');
    await addSticky(fien, 100, 450, 'Sportclub met de broer');
    await byText(jonas, 'Een buddy uit de buurt').waitFor({ state: 'attached' });
    await byText(jonas, 'Sportclub met de broer').waitFor({ state: 'attached' });
    // a connector between the two notes
    const a = byText(fien, 'Een buddy uit de buurt');
    const b = byText(fien, 'Sportclub met de broer');
    const [aId, bId] = [await a.getAttribute('data-shape-id'), await b.getAttribute('data-shape-id')];
    await fien.getByTestId('tool-connector').click();
    const canvas = fien.getByTestId('board-canvas');
    await canvas.click({ position: await at(fien, (await numberAttr(a, 'data-x')) + 60, (await numberAttr(a, 'data-y')) + 60) });
    await canvas.click({ position: await at(fien, (await numberAttr(b, 'data-x')) + 60, (await numberAttr(b, 'data-y')) + 60) });
    await jonas.locator(`[data-testid="board-shape-item"][data-type="connector"][data-from="${aId}"][data-to="${bId}"]`).waitFor({ state: 'attached' });
  });

  test('moving a note moves it for the other, and the connector stays attached', async () => {
    await fien.getByTestId('tool-select').click();
    const note = byText(fien, 'Sportclub met de broer');
    const [x, y] = [await numberAttr(note, 'data-x'), await numberAttr(note, 'data-y')];
    const from = await at(fien, x + 60, y + 60);
    const box = (await fien.getByTestId('board-canvas').boundingBox())!;
    await fien.mouse.move(box.x + from.x, box.y + from.y);
    await fien.mouse.down();
    for (let i = 1; i <= 10; i++) await fien.mouse.move(box.x + from.x + i * 25, box.y + from.y + i * 5);
    await fien.mouse.up();
    const moved = byText(jonas, 'Sportclub met de broer');
    await jonas.waitForFunction(
      ([sel, x0]) => Number(document.querySelector(sel)?.getAttribute('data-x')) > x0 + 150,
      [`[data-testid="board-shape-item"][data-text="Sportclub met de broer"]`, x] as const,
    );
    expect(await numberAttr(moved, 'data-x')).toBeGreaterThan(x + 150);
    const id = await moved.getAttribute('data-shape-id');
    expect(await jonas.locator(`[data-testid="board-shape-item"][data-type="connector"][data-to="${id}"]`).count()).toBe(1);
    expect(await seriousViolations(jonas)).toEqual([]);
    await screenshot(jonas, '17-board-live');
  });

  test('the facilitator runs a dot vote; counts appear only after closing', async () => {
    await fien.getByTestId('vote-per-member').fill('2');
    await fien.getByTestId('vote-open').click();
    await jonas.getByTestId('votes-left').filter({ hasText: '2' }).waitFor();
    // Jonas puts both dots on the buddy note, through the list of shapes (keyboard)
    const buddy = jonas.locator('[data-testid="board-shape-item"][data-text="Een buddy uit de buurt"]');
    await selectInList(jonas, buddy);
    await jonas.getByTestId('vote-add').click();
    await jonas.locator('[data-testid="votes-left"][data-count="1"]').waitFor();
    await jonas.getByTestId('vote-add').click();
    await jonas.locator('[data-testid="votes-left"][data-count="0"]').waitFor();
    // nobody sees counts while the round is open
    expect(await jonas.getByTestId('vote-result-item').count()).toBe(0);
    await fien.getByTestId('vote-close').click();
    const buddyId = await buddy.getAttribute('data-shape-id');
    // the results reach both, ranked; the note nobody voted for has none
    for (const page of [jonas, fien]) await page.locator(`[data-testid="vote-result-item"][data-shape-id="${buddyId}"][data-count="2"]`).waitFor();
    const ranked = await fien.getByTestId('vote-result-item').evaluateAll((els) => els.map((e) => [e.getAttribute('data-shape-id'), e.getAttribute('data-count')]));
    expect(ranked).toEqual([[buddyId, '2']]);
    await screenshot(fien, '18-board-vote-results');
  });

  test('PNG export downloads a non-empty image; SVG too', async () => {
    const [png] = await Promise.all([fien.waitForEvent('download'), fien.getByTestId('export-png').click()]);
    const pngPath = await png.path();
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    expect(statSync(pngPath).size).toBeGreaterThan(1000);
    const [svg] = await Promise.all([fien.waitForEvent('download'), fien.getByTestId('export-svg').click()]);
    expect(statSync(await svg.path()).size).toBeGreaterThan(200);
  });

  test('an observer views the board read-only', async () => {
    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'en-GB' })).newPage();
    await login(page, server.url, DEMO.observer);
    await page.goto(boardUrl);
    await page.getByTestId('board-read-only').waitFor();
    await byText(page, 'Een buddy uit de buurt').waitFor({ state: 'attached' });
    expect(await page.getByTestId('tool-sticky').count()).toBe(0);
    await screenshot(page, '19-board-read-only-phone');
    await page.context().close();
  });
});
