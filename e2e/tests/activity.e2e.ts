import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { call, DEMO, DEMO_LAB_NAME, login as apiLogin, until, type NodeSession } from '../support/api.js';
import { launchChromium, loginAs, SCREENSHOTS, screenshot, seriousViolations, typeAtEnd } from '../support/browser.js';
import { DEMO_PASSWORD, RelabProcess } from '../support/relab-server.js';

const login = (page: Page, url: string, email: string) => loginAs(page, url, email, DEMO_PASSWORD);
const message = (page: Page, text: string) => page.getByTestId('message').filter({ has: page.getByTestId('message-body').filter({ hasText: text }) });
const editor = (page: Page) => page.getByTestId('reflection-editor');
const saved = (page: Page) => page.locator('[data-testid="collab-status"][data-status="saved"]').first();
const network = (page: Page) => page.locator('[data-testid="activity-network"][data-rendered="true"]');

const MOTHER_TEXT = 'Bonjour. Mon fils sort bientôt, qui peut nous aider pour le suivi ?';
const JUDGE_TEXT = 'Bonjour madame, la maison de justice prendra contact avec vous cette semaine.';
const MOTHER_THANKS = 'Merci beaucoup, je serai disponible.';
const CAMILLE_TEXT = 'De familie zoekt een woning dicht bij de school.';
const YUSUF_TEXT = 'De moskee kan helpen met een vrijwilliger voor de verhuis.';

describe('bonding, bridging and linking: a family member and a judge reply to each other, a social worker and an imam co-edit, the dashboard shows the ties', () => {
  let server: RelabProcess;
  let browser: Browser;
  let fien: Page; // facilitator, desktop
  let sara: Page; // judge, desktop
  let mother: Page; // family member, phone
  let camille: Page; // social worker, desktop
  let yusuf: Page; // imam, phone
  let olivia: Page; // observer (researcher), phone
  let facilitator: NodeSession;
  let labId = '';
  let dialogueUrl = '';
  let reflectionUrl = '';
  let joinCode = '';

  beforeAll(async () => {
    server = await RelabProcess.start();
    browser = await launchChromium();
    const desktop = { viewport: { width: 1280, height: 900 } };
    const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
    fien = await (await browser.newContext({ ...desktop, locale: 'nl-BE' })).newPage();
    sara = await (await browser.newContext({ ...desktop, locale: 'nl-BE' })).newPage();
    mother = await (await browser.newContext({ ...phone, locale: 'fr-BE' })).newPage();
    camille = await (await browser.newContext({ ...desktop, locale: 'fr-BE' })).newPage();
    yusuf = await (await browser.newContext({ ...phone, locale: 'nl-BE' })).newPage();
    olivia = await (await browser.newContext({ ...phone, locale: 'en-GB' })).newPage();
    facilitator = await apiLogin(server.url, DEMO.facilitator, DEMO_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('setup: the facilitator opens a dialogue with the judge and makes a join code for a family member; the social worker’s reflection is shared', async () => {
    const labs = await call<Array<{ id: string; name: string }>>(server.url, facilitator, 'GET', '/api/labs');
    labId = labs.data.find((l) => l.name === DEMO_LAB_NAME)!.id;
    const judge = await apiLogin(server.url, DEMO.judge, DEMO_PASSWORD);
    const members = await call<Array<{ id: string; userId: string }>>(server.url, facilitator, 'GET', `/api/labs/${labId}/members`);
    const judgeMember = members.data.find((m) => m.userId === judge.userId)!.id;
    const d = await call<{ id: string; groundRulesVersion: number }>(server.url, facilitator, 'POST', `/api/labs/${labId}/dialogues`, {
      title: 'Na de vrijlating / Après la libération', groundRules: 'Respect. Wat gezegd wordt blijft hier. Ce qui est dit reste ici.',
      languages: ['nl', 'fr'], participantIds: [judgeMember], moderatorIds: [], mode: 'post',
    });
    expect(d.status).toBe(201);
    dialogueUrl = `${server.url}/labs/${labId}/dialogues/${d.data.id}`;
    expect((await call(server.url, judge, 'POST', `/api/labs/${labId}/dialogues/${d.data.id}/consent`, { version: d.data.groundRulesVersion })).status).toBe(200);
    const inv = await call<{ code: string }>(server.url, facilitator, 'POST', `/api/labs/${labId}/invitations`, { kind: 'participant', role: 'family', language: 'fr', dialogueId: d.data.id });
    expect(inv.status).toBe(201);
    joinCode = inv.data.code;

    const camilleApi = await apiLogin(server.url, DEMO.socialWorker, DEMO_PASSWORD);
    const jonas = await apiLogin(server.url, DEMO.justiceAssistant, DEMO_PASSWORD);
    const r = await call<{ id: string }>(server.url, camilleApi, 'POST', `/api/labs/${labId}/reflections`, { title: 'Wonen na de terugkeer', language: 'nl', lifeDomains: ['housing', 'family'], tags: [] });
    expect(r.status).toBe(201);
    expect((await call(server.url, camilleApi, 'POST', `/api/labs/${labId}/reflections/${r.data.id}/review`, { reviewerId: jonas.userId })).status).toBe(201);
    expect((await call(server.url, jonas, 'POST', `/api/labs/${labId}/reflections/${r.data.id}/review/approve`)).status).toBeLessThan(300);
    reflectionUrl = `${server.url}/labs/${labId}/reflections/${r.data.id}`;
  });

  test('the mother joins on her phone and writes; the judge replies to her; she answers the judge', async () => {
    await mother.goto(`${server.url}/join/${joinCode}`);
    await mother.getByTestId('join-display-name').fill('Maman R.');
    await mother.getByTestId('join-language').selectOption('fr');
    await mother.getByTestId('join-submit').click();
    await mother.getByTestId('recovery-ack').click();
    await mother.getByTestId('dialogue-consent').waitFor();
    await mother.getByTestId('consent-agree').click();
    await mother.getByTestId('composer-text').fill(MOTHER_TEXT);
    await mother.getByTestId('composer-send').click();
    await message(mother, 'Mon fils').and(mother.locator('[data-status="published"]')).waitFor();

    await login(sara, server.url, DEMO.judge);
    await sara.goto(dialogueUrl);
    const hers = message(sara, 'Mon fils');
    await hers.waitFor();
    await hers.getByTestId('message-reply').click();
    await sara.getByTestId('composer-language').selectOption('fr');
    await sara.getByTestId('composer-text').fill(JUDGE_TEXT);
    await sara.getByTestId('composer-send').click();
    await message(sara, 'maison de justice').and(sara.locator('[data-status="published"]')).waitFor();

    const his = message(mother, 'maison de justice');
    await his.waitFor();
    await his.getByTestId('message-reply').click();
    await mother.getByTestId('composer-text').fill(MOTHER_THANKS);
    await mother.getByTestId('composer-send').click();
    await message(sara, 'je serai disponible').waitFor();
  });

  test('the social worker and the imam (on his phone) write in the same shared reflection', async () => {
    await login(camille, server.url, DEMO.socialWorker);
    await camille.goto(reflectionUrl);
    await saved(camille).waitFor();
    await typeAtEnd(editor(camille), CAMILLE_TEXT);
    await saved(camille).waitFor();
    await login(yusuf, server.url, DEMO.imam);
    await yusuf.goto(reflectionUrl);
    await editor(yusuf).getByText(CAMILLE_TEXT).waitFor();
    await typeAtEnd(editor(yusuf), YUSUF_TEXT);
    await editor(camille).getByText(YUSUF_TEXT).waitFor();
    await saved(yusuf).waitFor();
  });

  test('the facilitator’s dashboard: with k = 3 the two ties are hidden; with k = 2 it shows one linking and one bridging tie, and the network draws them', async () => {
    await login(fien, server.url, DEMO.facilitator);
    await fien.getByTestId('lab-link').filter({ hasText: DEMO_LAB_NAME }).click();
    await fien.getByTestId('lab-activity-link').click();
    await fien.getByTestId('activity-dashboard').waitFor();
    // each tie involves two people: under the lab's minimum of three, the figures are hidden, never shown as 0
    await fien.locator('[data-testid="activity-total-linking-ties"][data-suppressed="true"]').waitFor();
    await fien.locator('[data-testid="activity-total-bridging-ties"][data-suppressed="true"]').waitFor();
    expect(await fien.getByTestId('activity-rule').textContent()).toBeTruthy();

    await fien.getByTestId('activity-settings-open').click();
    await fien.getByTestId('activity-k').fill('2');
    await fien.getByTestId('activity-settings-save').click();
    await fien.getByTestId('activity-settings-saved').waitFor();
    await until('the dashboard shows the linking tie', async () => ((await fien.getByTestId('activity-total-linking-ties').textContent()) ?? '').trim() === '1');
    expect((await fien.getByTestId('activity-total-bridging-ties').textContent())!.trim()).toBe('1');
    expect((await fien.getByTestId('activity-total-bonding-ties').textContent())!.trim()).toBe('0');

    const drawn = network(fien);
    await drawn.waitFor({ state: 'attached' });
    expect(await drawn.getAttribute('data-nodes')).toBe('4');
    expect(await drawn.getAttribute('data-edges')).toBe('2');
    expect(await seriousViolations(fien)).toEqual([]);
    await screenshot(fien, '30-activity-dashboard');
    await fien.getByTestId('activity-network-section').screenshot({ path: join(SCREENSHOTS, '31-activity-network.png') });
  });

  test('the observer, on her phone, sees aggregates only: no brokers, no members in the network', async () => {
    await login(olivia, server.url, DEMO.observer);
    await olivia.goto(`${server.url}/labs/${labId}/activity`);
    await olivia.getByTestId('activity-dashboard').waitFor();
    await until('the observer sees the totals', async () => ((await olivia.getByTestId('activity-total-linking-ties').textContent()) ?? '').trim() === '1');
    expect(await olivia.getByTestId('activity-brokers-table').count()).toBe(0);
    expect(await olivia.getByTestId('activity-export-csv').count()).toBe(0);
    const drawn = network(olivia);
    await drawn.waitFor({ state: 'attached' });
    // every group here has one member: below k, so no group is drawn
    expect(await drawn.getAttribute('data-nodes')).toBe('0');
    expect(await seriousViolations(olivia)).toEqual([]);
    await screenshot(olivia, '32-activity-observer-phone');
  });

  test('the mother unlinks herself from the statistics on her phone; the figures stay the same', async () => {
    await mother.goto(`${server.url}/labs/${labId}`);
    await mother.getByTestId('activity-erase-me-section').waitFor();
    expect(await seriousViolations(mother)).toEqual([]);
    await mother.getByTestId('activity-erase-me').click();
    await mother.getByTestId('activity-erase-me-confirm').click();
    await mother.getByTestId('activity-erase-me-done').waitFor();
    await mother.getByTestId('activity-erase-me-section').screenshot({ path: join(SCREENSHOTS, '33-activity-unlink-phone.png') });
    await fien.reload();
    await fien.getByTestId('activity-dashboard').waitFor();
    await until('the dashboard shows the linking tie again', async () => ((await fien.getByTestId('activity-total-linking-ties').textContent()) ?? '').trim() === '1');
    expect((await fien.getByTestId('activity-total-bridging-ties').textContent())!.trim()).toBe('1');
    expect(await network(fien).getAttribute('data-edges')).toBe('2');
  });
});
