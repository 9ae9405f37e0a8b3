// Border control of persons on the call page, in Debian's chromium as an officer works it: a shore
// pass for the whole crew in one action, one person refused, one held on board, a visitor's
// boarding permit granted; each person's permission and pass window, the visitors with their
// permits, and a person missing after sailing in red. Screenshots at 1440 and 390 px.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postSigned, scan } from '#local/device-client.ts';
import {
  BROWSER_TEST_TIMEOUT,
  expectAccessible,
  hasChromium,
  launchChromium,
  officerPage,
  open,
  shot,
} from '../support/browser.ts';
import { type Actors, actors, borderOf, declareDeparture, pilotRequest, portCall } from '../support/port-call.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';
import { until } from '../support/wait.ts';

let sys: TestSystem;
let browser: Browser;
let who: Actors;
let inPort: string;
let sailed: string;
let inReview: string;
let names: Record<string, string>;

describe.skipIf(!hasChromium)('border actions on the call page', () => {
  beforeAll(async () => {
    [sys, browser] = await Promise.all([startTestSystem(), launchChromium()]);
    who = await actors(sys);
    // A ship in port with its crew C01–C03 and a pilot asking to board.
    ({ callId: inPort } = await portCall(sys, who));
    const pilot = await sys.request('POST', `/v1/calls/${inPort}/visitors`, {
      token: who.agent,
      body: pilotRequest(-1, 3),
    });
    expect(pilot.status).toBe(201);
    const crew = await borderOf(sys, who.officer, inPort);
    names = Object.fromEntries(
      (crew.persons as unknown as { ref: string; familyName: string; givenNames: string }[]).map((p) => [
        p.ref,
        `${p.familyName}, ${p.givenNames}`,
      ]),
    );

    // A ship that sailed without C02, who went ashore and never came back.
    const gone = await portCall(sys, who);
    sailed = gone.callId;
    await postSigned(sys.url, gone.device, scan({ callId: sailed, personRef: 'C02', direction: 'DISEMBARK' }));
    await declareDeparture(sys, who.agent, sailed);
    const inReviewNow = () => sys.request('GET', `/v1/calls/${sailed}`, { token: who.officer });
    await until(inReviewNow, (r) => r.body.departure?.state === 'IN_REVIEW', 'departure in review');
    await sys.request('POST', `/v1/calls/${sailed}/sail-without`, {
      token: who.officer,
      body: { persons: ['C02'], reason: 'hospitalised ashore, agent repatriates' },
    });
    await until(inReviewNow, (r) => r.body.departure?.state === 'CLEARED', 'departure cleared');
    expect((await sys.request('POST', `/v1/calls/${sailed}/departed`, { token: who.agent, body: {} })).status).toBe(
      200,
    );

    // A ship whose arrival waits for an officer (stowaways found on board).
    ({ callId: inReview } = await portCall(sys, who, {
      cleared: false,
      change: (d) => {
        d.health.stowaways = true;
      },
    }));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await sys?.stop();
  });

  const borderTable = (page: Page) => page.getByRole('table').filter({ hasText: 'Pass window' }).first();
  const personRow = (page: Page, ref: string) =>
    borderTable(page)
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: ref, exact: true }) });

  async function decide(page: Page, button: string | RegExp, reason: string) {
    await page.getByRole('button', { name: button }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').last().fill(reason);
    await dialog.getByRole('button', { name: /^(Shore pass|Refuse landing|Hold on board|Grant|Refuse)$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  it(
    'grants the whole crew a shore pass, refuses one, holds one on board and grants the pilot, each shown with its window',
    async () => {
      const page = await officerPage(browser, sys);
      await open(page, sys, `#/calls/${inPort}`, 'Border control of persons');
      await personRow(page, 'C01').waitFor();
      // Before any decision, each person has what the port's configuration gives, not a crew decision.
      expect(await borderTable(page).getByText('(for the crew)').count()).toBe(0);

      await decide(page, 'Shore pass: the whole crew', 'crew shore leave during cargo work');
      for (const ref of ['C01', 'C02', 'C03']) {
        await personRow(page, ref).getByText('Shore pass (for the crew)').waitFor();
        // The window is the ship's stay: from and until, in port time.
        expect(await personRow(page, ref).textContent()).toMatch(/\d{2}:\d{2}.*–.*\d{2}:\d{2}/);
      }

      await page.getByRole('checkbox', { name: names.C02 }).check();
      await decide(page, 'Refuse landing: the selected persons (1)', 'document under verification');
      await personRow(page, 'C02').getByText('Refused (for this person)').waitFor();

      await page.getByRole('checkbox', { name: names.C03 }).check();
      await decide(page, 'Hold on board: the selected persons (1)', 'needed aboard for bunkering');
      await personRow(page, 'C03').getByText('Held on board (for this person)').waitFor();
      // The exceptions leave the crew-wide pass of the others as it was.
      await personRow(page, 'C01').getByText('Shore pass (for the crew)').waitFor();

      const visitors = page.getByRole('table').filter({ hasText: 'Company · purpose' });
      const pilot = visitors.getByRole('row').filter({ hasText: 'MOREAU' });
      await pilot.getByText('Requested').waitFor();
      await pilot.getByRole('button', { name: 'Grant · MOREAU, Luc' }).click();
      await page.getByRole('dialog').getByRole('textbox').fill('pilot on the station roster');
      await page.getByRole('dialog').getByRole('button', { name: 'Grant' }).click();
      await pilot.getByText('Granted').waitFor();
      // A permit granted can still be refused (revoked), not granted twice.
      expect(await pilot.getByRole('button', { name: 'Grant · MOREAU, Luc' }).count()).toBe(0);
      await pilot.getByRole('button', { name: 'Refuse · MOREAU, Luc' }).waitFor();
      expect(await pilot.textContent()).toMatch(/Tianjin Pilot Station · Pilot.*\d{2}:\d{2}.*–.*\d{2}:\d{2}/);

      // What the page shows is what the border stored.
      const border = await borderOf(sys, who.officer, inPort);
      expect(Object.fromEntries(border.persons.map((p) => [p.ref, p.landing.status]))).toEqual({
        C01: 'SHORE_PASS',
        C02: 'REFUSED',
        C03: 'HELD_ON_BOARD',
      });
      expect(border.visitors.map((v) => v.status)).toEqual(['GRANTED']);

      await expectAccessible(page, 'call page with border actions');
      await shot(page, 'border-actions-1440');
      // On a phone the persons become cards: permission and window readable without scrolling sideways.
      await page.setViewportSize({ width: 390, height: 900 });
      await page.getByText(`C03 · ${names.C03}`).waitFor();
      expect(await borderTable(page).count()).toBe(0);
      await page.getByText('Held on board (for this person)').waitFor();
      expect(await page.getByText('Shore pass (for the crew)').count()).toBe(1);
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      await shot(page, 'border-actions-390');
      await page.close();
    },
    BROWSER_TEST_TIMEOUT * 2,
  );

  it(
    'shows a person missing after sailing in red, named in the header',
    async () => {
      const page = await officerPage(browser, sys);
      await open(page, sys, `#/calls/${sailed}`, 'Border control of persons');
      const missing = personRow(page, 'C02').getByText('Missing', { exact: true });
      await missing.waitFor();
      const colour = await missing.evaluate((el) => (globalThis as any).getComputedStyle(el).color as string);
      const [r, g, b] = colour.match(/\d+/g)!.map(Number);
      expect(r, colour).toBeGreaterThan(150);
      expect(g! + b!, colour).toBeLessThan(r!);
      await page.getByText('(Missing: C02)').waitFor();
      // The ship has sailed: nobody's landing is decided any more, so no such action is offered.
      expect(await page.getByRole('button', { name: /^Shore pass:/ }).count()).toBe(0);
      await shot(page, 'border-missing-1440');
      await page.close();
    },
    BROWSER_TEST_TIMEOUT,
  );

  it(
    'offers refusing the whole ship on arrival to a supervisor only, as the API allows',
    async () => {
      const officer = await officerPage(browser, sys);
      await open(officer, sys, `#/calls/${inReview}`, 'Approve');
      expect(await officer.getByRole('button', { name: /^Approve · Arrival/ }).count()).toBe(1);
      expect(await officer.getByRole('button', { name: /^Refuse · Arrival/ }).count()).toBe(0);
      await officer.close();

      const supervisor = await officerPage(browser, sys, { role: 'supervisor' });
      await open(supervisor, sys, `#/calls/${inReview}`, 'Approve');
      expect(await supervisor.getByRole('button', { name: /^Refuse · Arrival/ }).count()).toBe(1);
      await supervisor.close();
    },
    BROWSER_TEST_TIMEOUT,
  );
});
