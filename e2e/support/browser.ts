import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const SCREENSHOTS = resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');

/** Debian's Chromium, headless, with the flags this closed network needs. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Serious and critical accessibility violations on the current page (axe-core). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/** Logs a demo account in through the login page and waits for the lab list. */
export async function loginAs(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('lab-link').first().waitFor();
}

/**
 * Puts the caret at the end of a Tiptap editor and types there, in a new paragraph when the document is not empty.
 * Ctrl+End is not reliable in Chromium's contenteditable: on a phone it left the caret at the start of a heading in
 * the middle of a reflection, so the text landed there. The caret is placed with the editor's own command, as a
 * click after the last line would; the text itself is typed key by key.
 */
export async function typeAtEnd(editor: Locator, text: string): Promise<void> {
  const empty = await editor.evaluate((el) => {
    const { editor: tiptap } = el as unknown as { editor: { isEmpty: boolean; commands: { focus: (at: 'end') => boolean } } };
    tiptap.commands.focus('end');
    return tiptap.isEmpty;
  });
  // the editor takes focus on the next animation frame: keys pressed before that would go nowhere
  await editor.page().waitForFunction((el) => document.activeElement === el, await editor.elementHandle());
  const page = editor.page();
  if (!empty) await page.keyboard.press('Enter');
  await page.keyboard.type(text, { delay: 5 });
}
