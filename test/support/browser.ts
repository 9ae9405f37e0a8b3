// What the browser tests share: Debian's chromium through playwright-core, the embedded runtime
// with the demo port's day, signing in as an officer, screenshots under test-results/e2e/, and the
// accessibility check (axe) every page must pass.
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type Page, chromium } from 'playwright-core';
import { expect } from 'vitest';
import { seedDemo } from '#local/demo.ts';
import { type TestSystem, startTestSystem } from './runtime.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const SHOTS = fileURLToPath(new URL('../../test-results/e2e/', import.meta.url));

/** Each browser test's time: a few page loads and dialogs on a shared two-core machine. */
export const BROWSER_TEST_TIMEOUT = 60_000;

/** The widths every page is looked at: a phone, a desk, a wall display. */
export const WIDTHS = [390, 1440, 1920] as const;

export function launchChromium(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The embedded runtime, in memory, with the demo port's day. */
export async function demoSystem(): Promise<TestSystem> {
  const sys = await startTestSystem();
  await seedDemo(sys.runtime);
  return sys;
}

/** A new page signed in (development sign-in) as an officer of the demo port, in `lang`. */
export async function officerPage(
  browser: Browser,
  sys: TestSystem,
  options: { width?: number; lang?: 'en' | 'zh'; role?: 'officer' | 'supervisor' } = {},
): Promise<Page> {
  // A context of its own (axe needs one), closed with the page.
  // Reduced motion: Cloudscape then shows a dialog at once, so accessibility checks and screenshots
  // never catch it half faded in (a contrast "violation" of a colour still on its way).
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1440, height: 900 },
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  // Closing the browser closes the page too: the context may be gone by then.
  page.on('close', () => void context.close().catch(() => undefined));
  // A step that cannot happen fails with its own message, well before the test's time is up
  // (BROWSER_TEST_TIMEOUT), with room for a busy two-core machine.
  page.setDefaultTimeout(15_000);
  const token = await sys.token({ role: options.role ?? 'officer', port: 'CNTXG' });
  await page.addInitScript(
    ([session, lang]) => {
      if (!localStorage.getItem('three-zeros-session')) localStorage.setItem('three-zeros-session', session!);
      if (!localStorage.getItem('three-zeros-lang')) localStorage.setItem('three-zeros-lang', lang!);
    },
    [JSON.stringify({ token, role: options.role ?? 'officer', port: 'CNTXG' }), options.lang ?? 'en'],
  );
  return page;
}

/** Opens a page of the dashboard and waits until its first data is shown. */
export async function open(page: Page, sys: TestSystem, hash: string, ready: RegExp | string) {
  await page.goto(`${sys.url}/${hash}`);
  await page.getByText(ready).first().waitFor({ state: 'visible' });
}

/** The whole page; `fullPage: false` for what is on screen (an open dialog: resizing to the full
 *  page to shoot it can close it). */
export async function shot(page: Page, name: string, { fullPage = true } = {}) {
  // Generous: a busy machine may take a while to settle fonts before the shot.
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage, timeout: 30_000 });
}

/** No serious or critical accessibility violation on what the page shows now. */
export async function expectAccessible(page: Page, where: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `accessibility of ${where}`).toEqual([]);
}
