// The agents' portal in a real browser (Debian's chromium driven by playwright-core) against the
// embedded runtime: an agent's day — announce a call, upload the crew list from the IMO template,
// fix the error the page points to, submit, see the call cleared and be told so, download the
// permit — on a desk in English (file picker) and on a phone in Chinese (drag and drop); and each
// role kept to its own pages.
// Screenshots go under test-results/e2e/; with DOCS_SCREENSHOTS=1 the desk ones are also copied
// into docs/screenshots/ for the README (`npm run docs:screenshots`).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Lang, agentPage, crewListWithABadDate, dayFromNow, wordsIn } from '../support/agent-portal.ts';
import { SHOTS, expectAccessible, hasChromium, launchChromium, officerPage } from '../support/browser.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

const DOCS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
/** The whole day on a shared two-core machine: a dozen pages, an upload and a clearance. */
const DAY_TIMEOUT = 180_000;

let sys: TestSystem;
let browser: Browser;

async function shoot(page: Page, name: string, lang: Lang, width: number) {
  const file = `${SHOTS}agent-${name}-${lang}-${width}.png`;
  await page.screenshot({ path: file, fullPage: true, timeout: 30_000 });
  if (process.env.DOCS_SCREENSHOTS) {
    mkdirSync(DOCS, { recursive: true });
    copyFileSync(file, `${DOCS}agent-${name}${lang === 'zh' ? '-zh' : ''}${width < 1440 ? '-phone' : ''}.png`);
  }
}

/** Types into a Cloudscape date or time field, as a person does, key by key. */
async function typeInto(page: Page, label: string, text: string) {
  const field = page.getByRole('textbox', { name: label, exact: true });
  await field.click();
  await field.pressSequentially(text);
}

async function agentsDay(lang: Lang, width: number, vessel: { name: string; imo: string; voyage: string }) {
  const w = wordsIn(lang);
  const wrongDigit = lang === 'en' ? 'the IMO check digit does not match' : 'IMO 编号校验位不正确';
  const page = await agentPage(browser, sys, { lang, width, agentId: `AGENT-${lang.toUpperCase()}-${width}` });
  const next = () => page.getByRole('button', { name: w('next'), exact: true }).click();

  // My calls: nothing yet.
  await page.goto(`${sys.url}/#/my-calls`);
  await page.getByText(w('noCallsYet')).first().waitFor();

  // Announce, with a wrong IMO check digit first: the page says so before anything is sent.
  await page.goto(`${sys.url}/#/announce`);
  const input = (label: string) => page.getByRole('textbox', { name: label, exact: true });
  await input(w('vesselName')).fill(vessel.name);
  await input(w('imo')).fill(`${vessel.imo.slice(0, 6)}${(Number(vessel.imo[6]) + 1) % 10}`);
  await input(w('mmsi')).click();
  await page.getByText(wrongDigit).waitFor();
  await input(w('imo')).fill(vessel.imo);
  await input(w('mmsi')).fill('477123400');
  await input(w('callSign')).fill('VRAB7');
  await input(w('flag')).fill('HK');
  await input(w('voyage')).fill(vessel.voyage);
  await typeInto(page, w('dateOf', { what: w('eta') }), dayFromNow(3));
  await typeInto(page, w('timeOf', { what: w('eta') }), '0800');
  await typeInto(page, w('dateOf', { what: w('etd') }), dayFromNow(5));
  await typeInto(page, w('timeOf', { what: w('etd') }), '1800');
  await input(w('optionalField', { label: w('berth') })).fill('Xingang Terminal 5');
  await expect.poll(() => page.getByText(wrongDigit).count()).toBe(0);
  await shoot(page, 'announce', lang, width);
  if (width >= 1440) await expectAccessible(page, `announcing a call (${lang})`);
  await page.getByRole('button', { name: w('send'), exact: true }).click();

  // The call: nothing declared yet; the arrival wizard from there.
  await page
    .getByRole('link', { name: w('declareArrival') })
    .first()
    .click();
  await page.getByRole('heading', { name: w('arrivalDeclaration') }).waitFor();
  const callId = /#\/my-calls\/(C[0-9A-Z]+)\//.exec(page.url())![1]!;
  await next();

  // Crew: the IMO template with one impossible date, marked on its row.
  const file = `${SHOTS}crew-list-${lang}-${width}.xlsx`;
  writeFileSync(file, await crewListWithABadDate());
  if (lang === 'en') await page.locator('input[type="file"]').setInputFiles(file);
  else {
    // Dragged from the desktop and dropped on the drop zone.
    const name = `crew-list-${lang}-${width}.xlsx`;
    const files = await page.evaluateHandle(
      ({ bytes, name }) => {
        // Runs in the page: the browser's own DataTransfer and File (the tests' types know no DOM).
        const page = globalThis as unknown as {
          DataTransfer: new () => { items: { add(file: unknown): void } };
          File: new (parts: unknown[], name: string) => unknown;
        };
        const dt = new page.DataTransfer();
        dt.items.add(new page.File([new Uint8Array(bytes)], name));
        return dt;
      },
      { bytes: [...readFileSync(file)], name },
    );
    const zone = page.getByText(w('uploadHint')).first();
    for (const type of ['dragenter', 'dragover', 'drop']) await zone.dispatchEvent(type, { dataTransfer: files });
  }
  await page.getByText(w('imported', { n: 2, file: `crew-list-${lang}-${width}.xlsx` })).waitFor();
  await page.getByText(w('problemsToFix', { n: 1 })).waitFor();
  const row = page.getByRole('row').filter({ hasText: 'Ólafsdóttir' });
  await row.getByText(`${w('documentExpiry')}:`).waitFor();
  // …with the cell of the agent's own spreadsheet: the second crew row is row 20, expiry in column K.
  await row.getByText('(Crew List, K20)').waitFor();
  await shoot(page, 'crew-problem', lang, width);
  if (width >= 1440) await expectAccessible(page, `the crew list with a problem (${lang})`);
  // Fixed in place: the cell's edit button, the right date, Enter.
  await page.getByRole('button', { name: `${w('edit')} ${w('documentExpiry')} · C02` }).click();
  const cell = page.getByRole('textbox', { name: w('documentExpiry'), exact: true });
  await cell.fill('2031-06-30');
  await cell.press('Enter');
  await expect.poll(() => row.getByText(`${w('documentExpiry')}:`).count()).toBe(0);
  await page.getByText(w('noProblems')).first().waitFor();
  await shoot(page, 'crew-fixed', lang, width);
  // Passengers: the same workbook's other sheet, already in.
  await next();
  await page.getByRole('row').filter({ hasText: 'Müller' }).waitFor();
  await next();

  // Health and security.
  await typeInto(page, w('sanitationUntil'), dayFromNow(200));
  await next();
  await typeInto(page, w('isscUntil'), dayFromNow(900));
  await input(w('csoName')).fill('ZHANG Min');
  await input(w('csoPhone')).fill('+86-22-5555-0100');
  await next();

  // Review: nothing left to fix; submit.
  await page.getByText(w('readyToSend')).waitFor();
  await shoot(page, 'review', lang, width);
  if (width >= 1440) await expectAccessible(page, `the review step (${lang})`);
  await page.getByRole('button', { name: w('submit'), exact: true }).click();

  // Back on the call: a low-risk call clears by itself; the page follows without a reload.
  await page.getByText(w('checks')).first().waitFor();
  await page
    .getByRole('heading', { name: new RegExp(lang === 'en' ? 'Cleared to arrive' : '已准予入境') })
    .waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: `${w('downloadPdf')}: ${w('arrivalPhase')}` }).waitFor();
  await shoot(page, 'cleared', lang, width);
  if (width >= 1440) await expectAccessible(page, `the cleared call (${lang})`);

  // Notified: the clearance is news on the agent's calls.
  await page.goto(`${sys.url}/#/my-calls`);
  await page
    .getByText(`${w('notifications')}: `)
    .first()
    .waitFor({ timeout: 30_000 });
  await shoot(page, 'notified', lang, width);
  await page.getByRole('link', { name: w('seeAll') }).click();
  await page.getByRole('heading', { name: w('notifications') }).waitFor();
  await page
    .getByText(lang === 'en' ? 'Cleared to arrive' : '准予入境')
    .first()
    .waitFor();
  // Cloudscape's phone toolbar carries an attribute axe refuses: the officers' pages are checked on a desk too.
  if (width >= 1440) await expectAccessible(page, `notifications (${lang})`);

  // The permit's PDF, of this call.
  await page.goto(`${sys.url}/#/my-calls/${callId}`);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: `${w('downloadPdf')}: ${w('arrivalPhase')}` }).click();
  const pdf = `${SHOTS}agent-permit-${lang}-${width}.pdf`;
  await (await download).saveAs(pdf);
  expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain(vessel.name);
  expect(text).toContain(vessel.imo);
  await shoot(page, 'permit', lang, width);
  await page.close();
  return callId;
}

describe.skipIf(!hasChromium)('the agents portal in a browser', () => {
  beforeAll(async () => {
    sys = await startTestSystem();
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await sys?.stop();
  });

  it(
    'takes an agent on a desk from announcing a call to the cleared permit, in English',
    async () => {
      const callId = await agentsDay('en', 1440, { name: 'HAI XING 7', imo: '9412347', voyage: '0725E' });
      const agent = await sys.token({ role: 'agent', agentId: 'AGENT-EN-1440' });
      const permit = await sys.request('GET', `/v1/calls/${callId}/permits/arrival`, { token: agent });
      expect(permit.body).toMatchObject({ status: 'VALID', vesselName: 'HAI XING 7' });
    },
    DAY_TIMEOUT,
  );

  it(
    'takes an agent on a phone through the same day, in Chinese',
    async () => {
      await agentsDay('zh', 390, { name: 'DONG FANG 3', imo: '9321483', voyage: '118W' });
    },
    DAY_TIMEOUT,
  );

  it('signs an agent in with the development sign-in, for its agency', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(15_000);
    await page.goto(sys.url);
    await page.getByRole('button', { name: /^Role/ }).click();
    await page.getByRole('option', { name: 'Agent' }).click();
    await page.getByRole('textbox', { name: 'Agency (agent id)' }).fill('SIGNED-IN-AGENCY');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: /My calls/ }).waitFor();
    await page.getByText('Agent · SIGNED-IN-AGENCY').locator('visible=true').first().waitFor();
    await page.close();
  }, 60_000);

  it('keeps an agent out of the officers pages and an officer out of the portal', async () => {
    const agent = await agentPage(browser, sys, { agentId: 'KEPT-OUT' });
    for (const hash of ['#/shift', '#/reviews', '#/alerts', '#/devices']) {
      await agent.goto(`${sys.url}/${hash}`);
      // Any officers' address lands on the agent's own calls, and the navigation offers nothing else.
      await agent.getByRole('heading', { name: 'My calls' }).waitFor();
    }
    const nav = agent.getByRole('navigation').getByRole('link');
    expect(await nav.allTextContents()).toEqual(expect.arrayContaining(['My calls', 'Announce a call']));
    expect(await nav.allTextContents()).not.toContain('Review queue');
    await agent.close();

    const officer = await officerPage(browser, sys);
    for (const hash of ['#/my-calls', '#/announce', '#/notifications']) {
      await officer.goto(`${sys.url}/${hash}`);
      await officer.getByRole('heading', { name: /Shift board/ }).waitFor();
    }
    expect(await officer.getByRole('navigation').getByRole('link').allTextContents()).not.toContain('My calls');
    await officer.close();
  }, 60_000);
});
