// The shift board in a real browser on the demo port: what needs an officer, in order, with the
// counts behind each figure; danger marked in colour, icon and words; dialogs that check before
// sending and say how it went; errors that say what happened; the live state and what changed.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { postSigned, scan } from '#local/device-client.ts';
import {
  BROWSER_TEST_TIMEOUT,
  demoSystem,
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
let page: Page;
let officer: string;

const region = (name: string) => page.getByRole('region', { name });
const board = async (query = 'hours=12&days=7') =>
  (await sys.request('GET', `/v1/ports/CNTXG/shift-board?${query}`, { token: officer })).body;

describe.skipIf(!hasChromium)('shift board in a browser', () => {
  beforeAll(async () => {
    [sys, browser] = await Promise.all([demoSystem(), launchChromium()]);
    officer = await sys.token({ role: 'officer', port: 'CNTXG' });
    // A supervisor's board: refusing a whole ship on arrival, which one test decides, is theirs.
    page = await officerPage(browser, sys, { role: 'supervisor' });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await sys?.stop();
  });

  it('opens on the shift board: reviews soonest deadline first, with the time left and the reasons in words', async () => {
    await open(page, sys, '', 'Shift board · CNTXG');
    const rows = region('Reviews waiting').getByRole('row');
    await rows.filter({ hasText: 'KOTA MEGAH' }).waitFor();
    const expected = (await board()).reviews.map((r: { vesselName: string }) => r.vesselName);
    expect(expected).toEqual(['YUAN HE', 'KOTA MEGAH']);
    // Row 0 is the header row.
    await expect.poll(() => rows.nth(1).textContent()).toContain('YUAN HE');
    expect(await rows.nth(2).textContent()).toContain('KOTA MEGAH');
    expect(await rows.nth(1).textContent()).toMatch(/Person on the watch list \(C\d+\)/);
    expect(await rows.nth(2).textContent()).toContain('Stowaways found on board');
    expect(await rows.nth(1).textContent()).toMatch(/\d+ h( \d+ min)?Due \d+ Dec, \d\d:\d\d/);
    expect(await page.getByText('Times in GMT+8').count()).toBe(1);
    expect(await page.locator('body').textContent()).not.toMatch(/WATCH_LIST_HIT|IN_REVIEW|ARRIVAL_CLEARED/);
  });

  it('shows the arrivals and departures of the window the officer chooses, in relative time', async () => {
    const within = async (hours: string) => {
      await page.getByRole('button', { name: `${hours} h`, exact: true }).click();
      const wanted = (await board(`hours=${hours}&days=7`)).movements.length;
      await expect.poll(() => region('Arrivals and departures').getByRole('row').count()).toBe(Math.max(wanted, 1) + 1);
      return wanted;
    };
    const six = await within('6');
    const seventyTwo = await within('72');
    expect(seventyTwo).toBeGreaterThan(six);
    const row = region('Arrivals and departures').getByRole('row').filter({ hasText: 'MARE NOSTRUM' });
    expect(await row.textContent()).toMatch(/Arrival.*in (\d d )?\d+ h.*Announced, not declared/);
    await shot(page, 'shift-board-72h');
    await within('12');
  });

  it('gives every figure with what it counts, and charts the days with labelled axes', async () => {
    const { figures } = await board();
    await page
      .getByText(`${figures.zeroWaiting.part} of ${figures.zeroWaiting.of} arrivals worked without waiting`)
      .waitFor();
    await page.getByText(`${figures.zeroDelay.part} of ${figures.zeroDelay.of} departures cleared by ETD`).waitFor();
    await page
      .getByText(`${Math.round(figures.zeroWaiting.share * 100)} %`)
      .first()
      .waitFor();
    for (const axis of ['Arrival · Day', 'Departure · Day']) await page.getByText(axis).waitFor();
    expect(await page.getByText('Ships', { exact: true }).count()).toBe(2);
    // Over today only, the counts follow.
    await page.getByRole('button', { name: 'Today' }).click();
    const today = (await board('hours=12&days=1')).figures.zeroWaiting;
    await page
      .getByText(
        today.of ? `${today.part} of ${today.of} arrivals worked without waiting` : 'nothing to measure in this period',
      )
      .first()
      .waitFor();
    await page.getByRole('button', { name: '7 days' }).click();
  });

  it('marks danger with colour, icon and words, and counts it apart from the declared crew on board', async () => {
    const pearl = (await board()).inPort.find((s: { vesselName: string }) => s.vesselName === 'ORIENT PEARL');
    const row = region('Ships in port').getByRole('row').filter({ hasText: 'ORIENT PEARL' });
    await row.getByText(`On board ${pearl.counts.onBoard} · Ashore ${pearl.counts.ashore}`).waitFor();
    const stranger = row.getByText('Not on any list: 1');
    await stranger.waitFor();
    await row.getByText(`Overdue ashore: ${pearl.counts.overdue}`).waitFor();
    // Colour and icon, not words alone: the status indicator draws an icon and colours the text.
    expect(await stranger.evaluate((el: any) => Boolean(el.parentElement?.querySelector('svg')))).toBe(true);
    const colour = await stranger.evaluate((el) => (globalThis as any).getComputedStyle(el).color);
    expect(colour).not.toBe('rgb(0, 0, 0)');
    expect(colour).not.toBe(
      await page
        .locator('h1')
        .first()
        .evaluate((el) => (globalThis as any).getComputedStyle(el).color),
    );
    await shot(page, 'shift-board-danger');

    // On the ship's page, the stranger is marked on its row and not among the crew on board.
    await row.getByRole('link', { name: 'ORIENT PEARL' }).click();
    const persons = page.getByRole('table', { name: 'Persons on board' });
    await persons.getByRole('row').filter({ hasText: 'X42' }).getByText('Not on any list').waitFor();
    await page.getByText(`On board ${pearl.counts.onBoard} · Ashore ${pearl.counts.ashore}`).waitFor();
  });

  it('decides a review from the board through a dialog that shows the call, checks the reason and flashes the result', async () => {
    const sent: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && sent.push(r.url()));
    await open(page, sys, '#/shift', 'KOTA MEGAH');
    const row = region('Reviews waiting').getByRole('row').filter({ hasText: 'KOTA MEGAH' });
    await row.getByRole('button', { name: 'Refuse · Arrival · KOTA MEGAH' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Stowaways found on board').waitFor();
    await dialog.getByText(/GMT\+8 \(in (\d d )?\d+ h/).waitFor();
    await dialog.getByText(/IMO \d{7}/).waitFor();
    await shot(page, 'decision-dialog', { fullPage: false });
    // No reason: refused here, nothing sent.
    await dialog.getByRole('button', { name: 'Refuse · Arrival', exact: true }).click();
    await dialog.getByText('Write why: the agent and the audit record see it.').last().waitFor();
    expect(sent).toEqual([]);
    await dialog.getByLabel('Reason').fill('half a reason');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(sent).toEqual([]);

    // Opened again, it starts clean.
    await row.getByRole('button', { name: 'Approve · Arrival · KOTA MEGAH' }).click();
    expect(await page.getByRole('dialog').getByLabel('Reason').inputValue()).toBe('');
    await page.getByRole('dialog').getByLabel('Reason').fill('stowaways handed to the police');
    await page.getByRole('dialog').getByRole('button', { name: 'Approve · Arrival', exact: true }).click();
    await page.getByText('Decision recorded: Approve · Arrival · KOTA MEGAH').waitFor();
    await row.waitFor({ state: 'detached', timeout: 10_000 });
    expect(sent.filter((u) => u.includes('/decision'))).toHaveLength(1);
  });

  it('says so when the server refuses a decision', async () => {
    await page.route('**/v1/reviews/*/decision', (route) =>
      route.fulfill({
        status: 409,
        contentType: 'application/json',
        body: JSON.stringify({
          error: { code: 'CONFLICT', message: 'The review is already decided', details: [] },
        }),
      }),
    );
    const row = region('Reviews waiting').getByRole('row').filter({ hasText: 'YUAN HE' });
    await row.getByRole('button', { name: 'Approve · Arrival · YUAN HE' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Approve · Arrival', exact: true }).click();
    await page.getByText('Not done: Approve · Arrival · YUAN HE').waitFor();
    await page.getByText('The review is already decided').waitFor();
    await page.unroute('**/v1/reviews/*/decision');
  });

  it('takes and resolves an alert through dialogs, never a browser prompt', async () => {
    page.on('dialog', (d) => {
      throw new Error(`a browser ${d.type()} appeared: ${d.message()}`);
    });
    const row = region('Open alerts').getByRole('row').filter({ hasText: 'Face does not match well' });
    await row.getByRole('button', { name: /^Acknowledge/ }).click();
    await page.getByRole('dialog').getByText('You become its owner').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await page.getByText(/^Alert taken: Face does not match well · X42 · ORIENT PEARL/).waitFor();
    await row.getByText(/Taken/).waitFor();

    await row.getByRole('button', { name: /^Resolve/ }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: 'How it was resolved' });
    await dialog.getByRole('button', { name: 'Resolve', exact: true }).click();
    await dialog.getByText('Say how it was resolved.').waitFor();
    await dialog.getByLabel('How it was resolved').fill('stevedore from the terminal, badge checked');
    await dialog.getByRole('button', { name: 'Resolve', exact: true }).click();
    await page.getByText(/^Alert resolved: Face does not match well/).waitFor();
    await row.waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('shows a refused request as an error that says what happened, not as an empty list', async () => {
    await page.route('**/v1/alerts?status=*', (route) =>
      route.fulfill({
        status: 403,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'FORBIDDEN', message: 'Officers only', details: [] } }),
      }),
    );
    await page.goto(`${sys.url}/#/alerts`);
    await page.getByText('Could not load: Alerts').waitFor();
    await page.getByText(/Your account may not see this\. Officers only/).waitFor();
    expect(await page.getByText('No open alerts').count()).toBe(0);
    await shot(page, 'alerts-refused');
    await page.unroute('**/v1/alerts?status=*');
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByText('Not on the crew or passenger list').first().waitFor();
  });

  it('shows the live state, and marks for a few seconds what just changed', async () => {
    await open(page, sys, '#/shift', 'Shift board · CNTXG');
    await page.getByTestId('live-state').getByText('Live').waitFor();
    // A stranger boards ORIENT PEARL: the board shows the alert without a reload, marked as changed.
    const supervisor = await sys.token({ role: 'supervisor', port: 'CNTXG' });
    const pearl = (await board()).inPort.find((s: { vesselName: string }) => s.vesselName === 'ORIENT PEARL');
    const device = (
      await sys.request('POST', '/v1/devices', { token: supervisor, body: { label: 'gangway C', kind: 'FACE' } })
    ).body;
    await sys.request('POST', `/v1/devices/${device.deviceId}/assign`, {
      token: supervisor,
      body: { callId: pearl.callId },
    });
    await postSigned(
      sys.url,
      { deviceId: device.deviceId, key: device.key },
      scan({ callId: pearl.callId, personRef: 'X77', direction: 'BOARD' }),
    );
    const fresh = region('Open alerts').getByRole('row').filter({ hasText: 'X77' });
    await fresh.getByText('changed').first().waitFor({ timeout: 10_000 });
    await shot(page, 'shift-board-changed');
    await fresh.getByText('changed').first().waitFor({ state: 'detached', timeout: 15_000 });

    // The stream cannot be reached: the page says it is reconnecting, and live again once it is back.
    await page.route('**/_local/events**', (route) => route.abort());
    await page.reload();
    await page.getByTestId('live-state').getByText('Reconnecting…').waitFor();
    await page.unroute('**/_local/events**');
    await page.getByTestId('live-state').getByText('Live').waitFor({ timeout: 15_000 });
  }, 60_000);
});
