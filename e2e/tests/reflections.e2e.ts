import type { Browser, Page } from 'playwright-core';
import { DEMO, DEMO_LAB_NAME, login as apiLogin } from '../support/api.js';
import { launchChromium, loginAs, screenshot, seriousViolations, typeAtEnd } from '../support/browser.js';
import { DEMO_PASSWORD, RelabProcess } from '../support/relab-server.js';

// fictional person and numbers (the national number has a valid checksum), as in the issue
const NAME = 'Yasmina El Amrani';
const NRN = '85.07.30-033.28';
const PHONE = '0470 12 34 56';
const DRAFT = `${NAME}, ${NRN}, ${PHONE}`;
const TITLE = 'Terugkeer en huisvesting na detentie';
const IMAM_TEXT = 'De moskee kan een ontmoeting met de familie begeleiden.';
const COMMENT = 'Kunnen we hier de buurtwerker bij betrekken?';

const login = (page: Page, url: string, email: string) => loginAs(page, url, email, DEMO_PASSWORD);

const editor = (page: Page) => page.getByTestId('reflection-editor');
const saved = (page: Page) => page.locator('[data-testid="collab-status"][data-status="saved"]').first();
const fourEyes = (page: Page, status: string) => page.locator(`[data-testid="four-eyes"][data-status="${status}"]`);

/** Puts the caret at the end of the document and types a new paragraph there. Ctrl+End is not reliable in
 *  Chromium's contenteditable (on the phone it left the caret at the start of a heading in the middle, so the
 *  text landed there), so the caret is placed through the editor's own command, as a click at the end would. */
async function caretAtEnd(page: Page): Promise<void> {
  await editor(page).evaluate((el) => {
    (el as unknown as { editor: { commands: { focus: (at: 'end') => void } } }).editor.commands.focus('end');
  });
}

describe('case reflection: written, pseudonymised, approved by a second practitioner, shared and co-edited live', () => {
  let server: RelabProcess;
  let browser: Browser;
  let camille: Page; // social worker (author), desktop
  let jonas: Page; // justice assistant (reviewer), desktop
  let yusuf: Page; // imam, phone
  let reflectionUrl = '';
  let jonasId = '';

  beforeAll(async () => {
    server = await RelabProcess.start();
    browser = await launchChromium();
    camille = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-BE' })).newPage();
    jonas = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-BE' })).newPage();
    yusuf = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'nl-BE' })).newPage();
    jonasId = (await apiLogin(server.url, DEMO.justiceAssistant, DEMO_PASSWORD)).userId;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the social worker starts a draft from the template', async () => {
    await login(camille, server.url, DEMO.socialWorker);
    await camille.getByTestId('lab-link').filter({ hasText: DEMO_LAB_NAME }).click();
    await camille.getByTestId('lab-reflections-link').click();
    await camille.getByTestId('reflections-title').waitFor();
    await camille.getByTestId('reflection-new').click();
    await camille.getByTestId('reflection-new-title').fill(TITLE);
    await camille.getByTestId('reflection-new-language').selectOption('nl');
    await camille.getByTestId('reflection-new-domain-housing').check();
    await camille.getByTestId('reflection-new-submit').click();
    await editor(camille).waitFor();
    reflectionUrl = camille.url();
    expect(reflectionUrl).toMatch(/\/labs\/[0-9a-f-]{36}\/reflections\/[0-9a-f-]{36}$/);
    await saved(camille).waitFor();
    expect(await fourEyes(camille, 'draft').count()).toBe(1);
    // the Dutch template: the question for the lab, …, one section per life domain
    await editor(camille).getByText('Vraag aan het lab').waitFor();
    await editor(camille).getByText('Justitiële opvolging').waitFor();
  });

  test('she names the person, the national number and the phone: all three are highlighted', async () => {
    await typeAtEnd(editor(camille), DRAFT);
    const highlights = camille.getByTestId('detection');
    await camille.locator('[data-testid="detection"][data-kind="phone"]').waitFor();
    const kinds = await highlights.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-kind')}:${e.textContent}`));
    expect(kinds).toEqual(expect.arrayContaining([`name:${NAME}`, `national_number:${NRN}`, `phone:${PHONE}`]));
    expect(await camille.getByTestId('detection-item').count()).toBe(3);
    await saved(camille).waitFor();
    expect(await seriousViolations(camille)).toEqual([]);
    await screenshot(camille, '13-reflection-draft-detections');
  });

  test('asking for approval now is refused by the server, with the list of what remains', async () => {
    await camille.getByTestId('review-reviewer').selectOption(jonasId);
    await camille.getByTestId('review-request').click();
    await camille.getByTestId('review-refused').waitFor();
    expect(await camille.getByTestId('gate-remaining-item').count()).toBe(3);
    expect(await fourEyes(camille, 'draft').count()).toBe(1);
  });

  test('one action per detail replaces it everywhere with a consistent pseudonym', async () => {
    for (let left = 3; left > 0; left--) {
      await camille.getByTestId('detection-replace').first().click();
      await camille.waitForFunction((n) => document.querySelectorAll('[data-testid="detection-item"]').length === n, left - 1);
    }
    await camille.getByTestId('detections-none').waitFor();
    await saved(camille).waitFor();
    const text = await editor(camille).innerText();
    for (const real of [NAME, NRN, PHONE]) expect(text).not.toContain(real);
    expect(text).toContain('Persoon A');
    expect(await camille.getByTestId('detection').count()).toBe(0);
  });

  test('she asks the justice assistant for approval; the draft is frozen while he reads it', async () => {
    await camille.getByTestId('review-reviewer').selectOption(jonasId);
    await camille.getByTestId('review-request').click();
    await fourEyes(camille, 'in_review').waitFor();
    await camille.waitForFunction(() => document.querySelector('[data-testid="reflection-editor"]')?.getAttribute('contenteditable') === 'false');
  });

  test('the justice assistant, in a second browser, reads it and approves: it is shared', async () => {
    await login(jonas, server.url, DEMO.justiceAssistant);
    await jonas.goto(reflectionUrl);
    await jonas.getByTestId('review-banner').waitFor();
    await editor(jonas).getByText('Persoon A', { exact: false }).waitFor();
    expect(await jonas.content()).not.toContain('Yasmina');
    expect(await seriousViolations(jonas)).toEqual([]);
    await screenshot(jonas, '14-reflection-review');
    await jonas.getByTestId('review-approve').click();
    await fourEyes(jonas, 'shared').waitFor();
    // the author's page follows without a reload, and she can write again
    await fourEyes(camille, 'shared').waitFor();
    await camille.waitForFunction(() => document.querySelector('[data-testid="reflection-editor"]')?.getAttribute('contenteditable') === 'true');
  });

  test('an imam, on his phone, co-edits live: each sees the other’s text', async () => {
    await login(yusuf, server.url, DEMO.imam);
    await yusuf.goto(reflectionUrl);
    await saved(yusuf).waitFor();
    await editor(yusuf).getByText('Persoon A', { exact: false }).waitFor();
    await typeAtEnd(editor(yusuf), IMAM_TEXT);
    await editor(camille).getByText(IMAM_TEXT).waitFor();
    // she answers right under his sentence, the last one of the document
    await typeAtEnd(editor(camille), 'Dank je, dat is een goed idee.');
    await editor(yusuf).getByText('Dank je, dat is een goed idee.').waitFor();
    // both end with his sentence and her answer, each whole, in that order (the others' carets left out)
    for (const page of [camille, yusuf]) {
      const paragraphs = await editor(page).evaluate((el) =>
        [...el.children].map((block) => {
          const copy = block.cloneNode(true) as Element;
          copy.querySelectorAll('.ProseMirror-widget').forEach((widget) => widget.remove());
          return copy.textContent;
        }),
      );
      expect(paragraphs.slice(-2)).toEqual([IMAM_TEXT, 'Dank je, dat is een goed idee.']);
    }
    // nothing he received names the person
    expect(await yusuf.content()).not.toContain('Yasmina');
  });

  test('he comments on his sentence; the comment appears live for the author', async () => {
    await saved(yusuf).waitFor();
    // select his sentence: triple-click selects the paragraph (in the middle of the screen, clear of the toolbar);
    // the text moves while the others' edits arrive, so the gesture is tried again if it did not take
    for (let attempt = 1; ; attempt++) {
      try {
        const his = editor(yusuf).getByText(IMAM_TEXT);
        await his.evaluate((e) => e.scrollIntoView({ block: 'center' }));
        await his.click({ clickCount: 3, timeout: 5000 });
        await yusuf.getByTestId('comment-add').click({ timeout: 5000 });
        await yusuf.getByTestId('comment-body').waitFor({ timeout: 5000 });
        break;
      } catch (e) {
        if (attempt === 3) throw e;
      }
    }
    await yusuf.getByTestId('comment-body').fill(COMMENT);
    await yusuf.getByTestId('comment-submit').click();
    await yusuf.getByTestId('comment-thread').filter({ hasText: COMMENT }).waitFor();
    const thread = camille.getByTestId('comment-thread').filter({ hasText: COMMENT });
    await thread.waitFor();
    await camille.locator('span.comment-anchor').filter({ hasText: 'moskee' }).first().waitFor();
    expect(await seriousViolations(yusuf)).toEqual([]);
    await screenshot(yusuf, '15-reflection-shared-phone');
    await screenshot(camille, '16-reflection-shared-comments');
  });

  test('the author sees who read it', async () => {
    await camille.reload();
    const readers = camille.getByTestId('readers-list');
    await readers.getByTestId('reader-row').filter({ hasText: 'Yusuf' }).waitFor();
    await readers.getByTestId('reader-row').filter({ hasText: 'Jonas' }).waitFor();
  });
});
