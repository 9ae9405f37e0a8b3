// Every officer page on any screen and in both languages, in a real browser on the demo port: a
// phone (390 px) with a labelled menu and cards, a wall display (1920 px) with panels side by side,
// the keyboard alone, Chinese with no English left, and no serious accessibility violation.
// Screenshots of every page at 390, 1440 and 1920 px in both languages go to test-results/e2e/.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  BROWSER_TEST_TIMEOUT,
  WIDTHS,
  demoSystem,
  expectAccessible,
  hasChromium,
  launchChromium,
  officerPage,
  open,
  shot,
} from '../support/browser.ts';
import type { TestSystem } from '../support/runtime.ts';

vi.setConfig({ testTimeout: BROWSER_TEST_TIMEOUT });
let sys: TestSystem;
let browser: Browser;
let pages: { name: string; hash: string; ready: { en: RegExp; zh: RegExp } }[];
/** Words that stay as they are in Chinese: names and codes from the data, and reference codes. */
// 'English' is the language switch, named in its own language.
const allowed = new Set(['IMO', 'CNTXG', 'UN', 'LOCODE', 'English']);

/** Latin words (two letters or more, no digits: codes like C05 or 7KQ2 are not words) on show. */
async function latinWords(page: Page): Promise<string[]> {
  const text = String(await page.evaluate('document.body.innerText'));
  return [...new Set(text.match(/[A-Za-z0-9]+/g) ?? [])].filter((w) => /^[A-Za-z]{2,}$/.test(w) && !allowed.has(w));
}

describe.skipIf(!hasChromium)('officer pages on any screen', () => {
  beforeAll(async () => {
    [sys, browser] = await Promise.all([demoSystem(), launchChromium()]);
    const supervisor = await sys.token({ role: 'supervisor', port: 'CNTXG' });
    const calls = (await sys.request('GET', '/v1/calls?limit=100', { token: supervisor })).body.items as any[];
    for (const c of calls) {
      for (const word of `${c.vessel.name} ${c.berth ?? ''} ${c.agentId}`.match(/[A-Za-z]+/g) ?? []) allowed.add(word);
      // Names and words people wrote: persons' names, who acted and what an officer typed, permit codes.
      const [detail, persons, ...permits] = await Promise.all(
        [
          `/v1/calls/${c.callId}`,
          `/v1/calls/${c.callId}/persons`,
          ...['arrival', 'departure'].map((k) => `/v1/calls/${c.callId}/permits/${k}`),
        ].map(async (path) => (await sys.request('GET', path, { token: supervisor })).body),
      );
      const data = [
        ...detail.timeline
          .filter((e: any) => e.actor.role !== 'system')
          .map((e: any) => `${e.actor.id} ${['officer', 'supervisor'].includes(e.actor.role) ? (e.reason ?? '') : ''}`),
        ...persons.persons.map((p: any) => `${p.familyName ?? ''} ${p.givenNames ?? ''}`),
        ...permits.map((p: any) => p?.verificationCode ?? ''),
      ];
      for (const word of data.join(' ').match(/[A-Za-z]+/g) ?? []) allowed.add(word);
    }
    const device = await sys.request('POST', '/v1/devices', {
      token: supervisor,
      body: { label: 'Terminal 5 gangway A', kind: 'FACE' },
    });
    expect(device.status).toBe(201);
    for (const word of ['Terminal', 'gangway', 'A']) allowed.add(word);
    const pearl = calls.find((c) => c.vessel.name === 'ORIENT PEARL').callId;
    const kota = calls.find((c) => c.vessel.name === 'KOTA MEGAH').callId;
    pages = [
      { name: 'shift-board', hash: '#/shift', ready: { en: /Person on the watch list/, zh: /人员命中布控名单/ } },
      { name: 'reviews', hash: '#/reviews', ready: { en: /Stowaways found on board/, zh: /船上发现偷渡者/ } },
      {
        name: 'alerts',
        hash: '#/alerts',
        ready: { en: /Not on the crew or passenger list/, zh: /不在船员或旅客名单上/ },
      },
      { name: 'call-in-port', hash: `#/calls/${pearl}`, ready: { en: /Not on any list/, zh: /未申报人员/ } },
      {
        name: 'call-in-review',
        hash: `#/calls/${kota}`,
        ready: { en: /Stowaways found on board/, zh: /船上发现偷渡者/ },
      },
      { name: 'devices', hash: '#/devices', ready: { en: /Terminal 5 gangway A/, zh: /Terminal 5 gangway A/ } },
    ];
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await sys?.stop();
  });

  it('walks every page in Chinese with no English left, and in both languages at every width', async () => {
    for (const lang of ['en', 'zh'] as const) {
      for (const width of WIDTHS) {
        const page = await officerPage(browser, sys, { width, lang, role: 'supervisor' });
        for (const p of pages) {
          await open(page, sys, p.hash, p.ready[lang]);
          await shot(page, `${p.name}-${width}-${lang}`);
          if (lang === 'zh') expect(await latinWords(page), `English on ${p.name} at ${width} px`).toEqual([]);
        }
        await page.close();
      }
    }
  }, 120_000);

  it('has no serious or critical accessibility violation on any page, nor in a dialog, nor in Chinese', async () => {
    const page = await officerPage(browser, sys, { role: 'supervisor' });
    for (const p of pages) {
      await open(page, sys, p.hash, p.ready.en);
      await expectAccessible(page, p.name);
    }
    await open(page, sys, '#/reviews', /Stowaways found on board/);
    await page.getByRole('button', { name: /^Refuse · Arrival · KOTA MEGAH/ }).click();
    await page.getByRole('dialog').waitFor();
    await expectAccessible(page, 'decision dialog');
    await page.close();
    const zh = await officerPage(browser, sys, { lang: 'zh' });
    await open(zh, sys, '#/shift', /人员命中布控名单/);
    await expectAccessible(zh, 'shift board in Chinese');
    await zh.close();
  }, 90_000);

  it('on a phone: a labelled menu reaches every page, language and sign-out; lists become cards that fit', async () => {
    const page = await officerPage(browser, sys, { width: 390 });
    await open(page, sys, '#/shift', 'Reviews waiting');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    // Cards, not a table wider than the screen; one review fits well within the screen's height.
    const reviews = page.getByRole('region', { name: 'Reviews waiting' });
    expect(await reviews.getByRole('table').count()).toBe(0);
    const card = reviews.getByRole('listitem').filter({ hasText: 'KOTA MEGAH' });
    expect((await card.boundingBox())!.height).toBeLessThan(450);

    // The pages, behind a labelled button.
    const pagesButton = page.getByRole('button', { name: 'Pages' });
    expect(await pagesButton.isVisible()).toBe(true);
    await pagesButton.click();
    await page.getByRole('link', { name: 'Review queue' }).click();
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();
    // Language and sign-out, behind the top bar's labelled menu.
    const menu = page.getByRole('button', { name: 'Menu' });
    expect(await menu.isVisible()).toBe(true);
    await menu.click();
    await page.getByRole('button', { name: /Officer · CNTXG/ }).click();
    expect(await page.getByText('Sign out').isVisible()).toBe(true);
    await page.reload();
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('button', { name: /中文/ }).click();
    await page.getByRole('heading', { name: '待审核' }).first().waitFor();
    await page.close();
  });

  it('on a wall display: the panels stand side by side', async () => {
    const page = await officerPage(browser, sys, { width: 1920 });
    await open(page, sys, '#/shift', 'Reviews waiting');
    const reviews = (await page.getByRole('region', { name: 'Reviews waiting' }).boundingBox())!;
    const alerts = (await page.getByRole('region', { name: 'Open alerts' }).boundingBox())!;
    expect(Math.abs(reviews.y - alerts.y)).toBeLessThan(5);
    expect(alerts.x).toBeGreaterThan(reviews.x + reviews.width - 5);
    await page.close();
  });

  it('works by keyboard alone: a skip link first, and focus back where it was after a dialog', async () => {
    // A supervisor: refusing a whole ship on arrival is theirs, and its dialog lists the reasons.
    const page = await officerPage(browser, sys, { role: 'supervisor' });
    await open(page, sys, '#/shift', 'Reviews waiting');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement?.id')).toBe('main-content');

    // Tab on to the decision of the first review: every action is reachable by keyboard.
    const target = 'Refuse · Arrival · YUAN HE';
    for (let i = 0; i < 80; i++) {
      if ((await page.evaluate("document.activeElement?.getAttribute('aria-label')")) === target) break;
      await page.keyboard.press('Tab');
    }
    expect(await page.evaluate("document.activeElement?.getAttribute('aria-label')")).toBe(target);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByText('Person on the watch list').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await expect.poll(() => page.evaluate("document.activeElement?.getAttribute('aria-label')")).toBe(target);
    await page.close();
  });
});
