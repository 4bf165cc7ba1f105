import type { Browser, Page } from 'playwright-core';
import { DEMO, DEMO_LAB_NAME } from '../support/api.js';
import { launchChromium, loginAs, screenshot, seriousViolations } from '../support/browser.js';
import { DEMO_PASSWORD, RelabProcess } from '../support/relab-server.js';

const login = (page: Page, url: string, email: string) => loginAs(page, url, email, DEMO_PASSWORD);
/** A message of the thread whose body contains `text`. */
const message = (page: Page, text: string) => page.getByTestId('message').filter({ has: page.getByTestId('message-body').filter({ hasText: text }) });

const FAMILY_TEXT = 'Bonjour à tous. Mon fils rentre bientôt et je voudrais savoir comment l’aider à trouver du travail.';
const REPLY_TEXT = 'Dank u voor uw vraag. We kunnen samen met de trajectbegeleider naar werk zoeken.';

describe('moderated dialogue: a mother joins on her phone, her message is approved, a social worker answers, she erases her messages', () => {
  let server: RelabProcess;
  let browser: Browser;
  let fien: Page; // facilitator, moderator
  let camille: Page; // social worker
  let mother: Page; // family member, on a phone
  let dialogueUrl = '';
  let joinCode = '';

  beforeAll(async () => {
    server = await RelabProcess.start();
    browser = await launchChromium();
    fien = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-BE' })).newPage();
    camille = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-BE' })).newPage();
    mother = await (await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'fr-BE', isMobile: true, hasTouch: true })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the facilitator opens a pre-moderated dialogue with the social worker and makes a join code for it', async () => {
    await login(fien, server.url, DEMO.facilitator);
    await fien.getByTestId('lab-link').filter({ hasText: DEMO_LAB_NAME }).click();
    await fien.getByTestId('lab-dialogues-link').click();
    await fien.getByTestId('dialogues-title').waitFor();
    await fien.getByTestId('dialogue-new').click();
    await fien.getByTestId('dialogue-new-title').fill('Werk zoeken na de terugkeer');
    await fien.getByTestId('dialogue-new-language-fr').check();
    await fien.getByTestId('dialogue-new-mode').selectOption('pre');
    // the social worker of the demo lab takes part
    const members = await fien.getByTestId('dialogue-new-participant').all();
    let added = false;
    for (const box of members) {
      const label = await box.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? '');
      if (label.includes('Camille')) {
        await box.check();
        added = true;
      }
    }
    expect(added).toBe(true);
    await fien.getByTestId('dialogue-new-submit').click();
    // she wrote the ground rules, so she has accepted them
    await fien.getByTestId('dialogue').waitFor();
    dialogueUrl = fien.url();
    expect(dialogueUrl).toMatch(/\/labs\/[0-9a-f-]{36}\/dialogues\/[0-9a-f-]{36}$/);
    await fien.getByTestId('queue-empty').waitFor();

    await fien.getByTestId('dialogue-invite').click();
    await fien.getByTestId('invite-participant-role').selectOption('family');
    await fien.getByTestId('invite-participant-submit').click();
    joinCode = (await fien.getByTestId('invite-code').textContent())!.trim();
    expect(joinCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  });

  test('on her phone, the mother joins by code, lands on the ground rules, accepts them and writes in French: she sees "waiting"', async () => {
    await mother.goto(`${server.url}/join/${joinCode}`);
    await mother.getByTestId('join-display-name').fill('Maman K.');
    await mother.getByTestId('join-language').selectOption('fr');
    await mother.getByTestId('join-submit').click();
    await mother.getByTestId('recovery-ack').click();
    // straight into the dialogue she was invited to: the ground rules first, one action
    await mother.getByTestId('dialogue-consent').waitFor();
    expect(mother.url()).toBe(dialogueUrl);
    expect(await mother.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await seriousViolations(mother)).toEqual([]);
    await screenshot(mother, '20-dialogue-ground-rules-phone');
    await mother.getByTestId('consent-agree').click();
    const thread = mother.getByTestId('dialogue');
    await thread.waitFor();
    expect(await thread.getAttribute('data-view')).toBe('simple');

    await mother.getByTestId('composer-text').fill(FAMILY_TEXT);
    expect(await mother.getByTestId('composer-language').inputValue()).toBe('fr');
    await mother.getByTestId('composer-send').click();
    const mine = message(mother, 'Mon fils rentre bientôt');
    await mine.and(mother.locator('[data-status="pending"]')).waitFor();
    await mine.getByTestId('message-status').waitFor();
    // nothing overflows sideways on a phone
    expect(await mother.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await seriousViolations(mother)).toEqual([]);
    await screenshot(mother, '21-dialogue-waiting-phone');
  });

  test('the social worker does not see it while it waits; the facilitator approves it from the live queue', async () => {
    await login(camille, server.url, DEMO.socialWorker);
    await camille.goto(dialogueUrl);
    await camille.getByTestId('dialogue-consent').waitFor();
    await camille.getByTestId('consent-agree').click();
    await camille.getByTestId('dialogue').waitFor();
    await camille.locator('[data-testid="dialogue-live-status"][data-status="live"], [data-testid="messages-empty"]').first().waitFor();
    expect(await message(camille, 'Mon fils rentre bientôt').count()).toBe(0);

    // the queue updated live on the facilitator's page
    const item = fien.getByTestId('queue-item').filter({ hasText: 'Mon fils rentre bientôt' });
    await item.waitFor();
    expect(await item.getAttribute('data-kind')).toBe('pending');
    await screenshot(fien, '22-dialogue-moderation-queue');
    await item.getByTestId('queue-approve').click();
    await fien.getByTestId('queue-empty').waitFor();
  });

  test('it appears live for the social worker, who replies in Dutch; the mother sees her message published and the reply', async () => {
    const published = message(camille, 'Mon fils rentre bientôt');
    await published.and(camille.locator('[data-status="published"]')).waitFor();
    expect(await published.getByTestId('message-author').textContent()).toContain('Maman K.');
    expect(await published.getByTestId('message-language').getAttribute('data-language')).toBe('fr');

    await published.getByTestId('message-reply').click();
    await camille.getByTestId('composer-language').selectOption('nl');
    await camille.getByTestId('composer-text').fill(REPLY_TEXT);
    await camille.getByTestId('composer-send').click();
    // a professional's message is published at once
    await message(camille, 'trajectbegeleider').and(camille.locator('[data-status="published"]')).waitFor();

    await message(mother, 'Mon fils rentre bientôt').and(mother.locator('[data-status="published"]')).waitFor();
    const reply = message(mother, 'trajectbegeleider');
    await reply.and(mother.locator('[data-status="published"]')).waitFor();
    expect(await reply.getByTestId('message-language').getAttribute('data-language')).toBe('nl');
    await reply.getByTestId('message-reply-quote').waitFor();
    expect(await seriousViolations(mother)).toEqual([]);
    await screenshot(mother, '23-dialogue-reply-phone');
    await screenshot(camille, '24-dialogue-social-worker');
  });

  test('the mother asks to erase her messages: they are gone for everyone, only an anonymous marker stays', async () => {
    await mother.getByTestId('dialogue-erase').click();
    await mother.getByTestId('dialogue-erase-screen').waitFor();
    await screenshot(mother, '25-dialogue-erase-phone');
    await mother.getByTestId('dialogue-erase-confirm').click();
    await mother.waitForURL((u) => !u.pathname.startsWith(new URL(dialogueUrl).pathname));

    for (const page of [camille, fien]) {
      await page.locator('[data-testid="message"][data-status="erased"]').first().waitFor();
      expect(await message(page, 'Mon fils rentre bientôt').count()).toBe(0);
      expect(await page.getByText('Maman K.').count()).toBe(0);
      // the reply stays, quoting a removed message
      await message(page, 'trajectbegeleider').waitFor();
    }
    // and a reload does not bring it back: it is gone from the server, not just from the page
    await camille.reload();
    await message(camille, 'trajectbegeleider').waitFor();
    expect(await message(camille, 'Mon fils rentre bientôt').count()).toBe(0);
  });
  test('the facilitator adds a watched word for the lab; a message with it is published with the word masked', async () => {
    await fien.goto(dialogueUrl.replace(/\/[^/]+$/, '')); // the lab's dialogues
    await fien.getByTestId('dialogues-title').waitFor();
    await fien.getByTestId('watched-words-details').locator('summary').click();
    await fien.getByTestId('watched-words-form').waitFor();
    const rows = fien.getByTestId('watched-word-row');
    const before = await rows.count();
    expect(before).toBeGreaterThan(0); // the lab starts with a short list

    // an empty word is refused in the form, with the keyboard taken to it; nothing is saved
    await fien.getByTestId('watched-word-add').click();
    expect(await rows.count()).toBe(before + 1);
    await fien.getByTestId('watched-words-save').click();
    await fien.locator('[data-testid="watched-word-input"][aria-invalid="true"]').waitFor();
    expect(await fien.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('watched-word-input');

    await rows.last().getByTestId('watched-word-input').fill('appelmoes');
    await rows.last().getByTestId('watched-word-action').selectOption('mask');
    await fien.getByTestId('watched-words-save').click();
    await fien.locator('[data-testid="watched-words-status"]', { hasText: /bewaard/ }).waitFor();
    expect(await seriousViolations(fien)).toEqual([]);
    await screenshot(fien, '34-dialogue-watched-words');

    // saved on the server: after a reload the word is there
    await fien.reload();
    await fien.getByTestId('watched-words-details').locator('summary').click();
    await fien.getByTestId('watched-words-form').waitFor();
    const values = await fien.getByTestId('watched-word-input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(values).toContain('appelmoes');
    expect(values).toHaveLength(before + 1);

    // the social worker's next message has the word masked, for everyone
    await camille.getByTestId('composer-language').selectOption('nl');
    await camille.getByTestId('composer-text').fill('Dat wordt geen appelmoes, beloofd.');
    await camille.getByTestId('composer-send').click();
    await message(camille, 'Dat wordt geen *********, beloofd.').and(camille.locator('[data-status="published"]')).waitFor();
    await fien.goto(dialogueUrl);
    await message(fien, 'Dat wordt geen *********, beloofd.').waitFor();
    expect(await fien.getByText('appelmoes').count()).toBe(0);
  });
  test('the facilitator changes the ground rules; the social worker is asked to accept the new text before writing again', async () => {
    await fien.getByTestId('dialogue-edit').click();
    await fien.getByTestId('dialogue-edit-form').waitFor();
    // nothing is sent while the title is too short; the keyboard goes to it
    await fien.getByTestId('dialogue-edit-title').fill('W');
    await fien.getByTestId('dialogue-edit-submit').click();
    await fien.locator('[data-testid="dialogue-edit-title"][aria-invalid="true"]').waitFor();
    await fien.getByTestId('dialogue-edit-title').fill('Werk zoeken na de terugkeer');
    const rules = fien.getByTestId('dialogue-edit-ground-rules');
    await rules.fill(`${await rules.inputValue()}\n7. We delen geen adressen of telefoonnummers.`);
    await fien.getByTestId('dialogue-edit-rules-warning').waitFor();
    expect(await seriousViolations(fien)).toEqual([]);
    await screenshot(fien, '35-dialogue-edit');
    await fien.getByTestId('dialogue-edit-submit').click();
    await fien.locator('[data-testid="dialogue-edit-status"]', { hasText: /bewaard/ }).waitFor();

    // the social worker's page follows: the new rules, to accept before writing
    await camille.getByTestId('dialogue-consent').waitFor();
    expect(await camille.getByTestId('consent-text').textContent()).toContain('We delen geen adressen of telefoonnummers.');
    await camille.getByTestId('consent-agree').click();
    await camille.getByTestId('composer-text').waitFor();
    await message(camille, 'trajectbegeleider').waitFor();
  });
});
