// The officers' dashboard in a real browser (Debian's chromium driven by playwright-core) against
// the embedded runtime filled with the demo port's day (local/demo.ts): sign in, see the port,
// approve a call in review, see a gangway alert appear, take it.
// Screenshots of each page are saved under test-results/e2e/.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '#local/demo.ts';
import { postSigned, scan } from '#local/device-client.ts';
import { announcement, declaration } from '../support/fixtures.ts';
import { SHOTS, hasChromium, launchChromium } from '../support/browser.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

let sys: TestSystem;
let browser: Browser;
let page: Page;
let agent: string;
let supervisor: string;

// Runs wherever Debian's chromium is installed (.ci/run installs it); skipped without a browser.
describe.skipIf(!hasChromium)('officers dashboard in a browser', () => {
  beforeAll(async () => {
    sys = await startTestSystem();
    await seedDemo(sys.runtime);
    agent = await sys.token({ role: 'agent', agentId: 'ACME-SHIPPING' });
    supervisor = await sys.token({ role: 'supervisor', port: 'CNTXG' });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // A step that cannot happen fails with its own message, well before the test's time is up.
    page.setDefaultTimeout(8_000);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await sys?.stop();
  });

  it('signs an officer in and shows the seeded port', async () => {
    await page.goto(sys.url);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: /Shift board · CNTXG/ }).waitFor({ state: 'visible' });
    // The demo day: ships in port, ships expected, and the figures over them.
    await page.getByRole('row').filter({ hasText: 'ORIENT PEARL' }).first().waitFor({ state: 'visible' });
    await page.getByRole('row').filter({ hasText: 'KOTA MEGAH' }).first().waitFor({ state: 'visible' });
    await page.getByText('86 %').first().waitFor({ state: 'visible' });
    await page.screenshot({ path: `${SHOTS}overview.png`, fullPage: true });
    // A ship in port: some of the crew ashore, and the stranger's alerts.
    await page.getByRole('link', { name: 'ORIENT PEARL' }).first().click();
    await page
      .getByText(/On board \d+ · Ashore \d+/)
      .first()
      .waitFor({ state: 'visible' });
    await page.getByText('Not on the crew or passenger list').first().waitFor({ state: 'visible' });
    await page.screenshot({ path: `${SHOTS}call-in-port.png`, fullPage: true });
  });

  it('approves the seeded call in review, which is then cleared', async () => {
    const officer = await sys.token({ role: 'officer', port: 'CNTXG' });
    const reviews = await sys.request('GET', '/v1/reviews', { token: officer });
    const { callId } = reviews.body.items.find((r: { reasons: { code: string }[] }) =>
      r.reasons.some((x) => x.code === 'STOWAWAYS'),
    );
    await page.goto(`${sys.url}/#/reviews`);
    const row = page.getByRole('row').filter({ hasText: 'Stowaways found on board' }).first();
    await row.waitFor({ state: 'visible' });
    await page.screenshot({ path: `${SHOTS}reviews.png`, fullPage: true });
    await page.goto(`${sys.url}/#/calls/${callId}`);
    // Whichever review status the call is in (one for both phases, or one per phase), it reads in words.
    await page
      .getByText(/waiting for an officer/i)
      .first()
      .waitFor({ state: 'visible', timeout: 5_000 });
    // By keyboard alone: Enter opens the decision, the reason is typed, Tab reaches the action.
    await page.getByRole('button', { name: 'Approve · Arrival · KOTA MEGAH' }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Reason').focus();
    await page.keyboard.type('stowaways handed to the police');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.locator(':focus').textContent()).toBe('Approve · Arrival');
    await page.keyboard.press('Enter');
    await page.getByText('Cleared to arrive').first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.screenshot({ path: `${SHOTS}call.png`, fullPage: true });
    expect((await sys.request('GET', `/v1/calls/${callId}`, { token: officer })).body.status).toBe('ARRIVAL_CLEARED');
  });

  it('shows an alert when a device reports an unknown person, and lets the officer take it', async () => {
    // Arriving within hours: a scan now is not one from long before the ship came in.
    const a = announcement({ daysAhead: 0.1 });
    const callId = (await sys.request('POST', '/v1/calls', { token: agent, body: a })).body.callId as string;
    await sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: agent, body: declaration(a.eta) });
    const device = await sys.request('POST', '/v1/devices', {
      token: supervisor,
      body: { label: 'gangway A', kind: 'FACE' },
    });
    await sys.request('POST', `/v1/devices/${device.body.deviceId}/assign`, { token: supervisor, body: { callId } });
    await page.goto(`${sys.url}/#/alerts`);
    await page.getByRole('heading', { name: /Alerts/ }).waitFor({ state: 'visible' });
    await postSigned(
      sys.url,
      { deviceId: device.body.deviceId, key: device.body.key },
      scan({ callId, personRef: 'X404', direction: 'BOARD' }),
    );
    // Live: the bus pushes the alert without a reload.
    const row = page.getByRole('row').filter({ hasText: 'X404' });
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    await page.screenshot({ path: `${SHOTS}alerts.png`, fullPage: true });
    await row.getByRole('button', { name: /^Acknowledge/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await row.first().waitFor({ state: 'detached', timeout: 10_000 });
    expect(await row.count()).toBe(0);
  });

  it('shows a failed clearance on the call page and lets the officer re-drive it', async () => {
    // Customs' system is down: the departure's check keeps failing and the clearance lands in FAILED.
    let customsUp = false;
    const customs = createServer((_req, res) => {
      res.writeHead(customsUp ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify(customsUp ? { clear: true } : {}));
    });
    await new Promise<void>((ok) => customs.listen(0, '127.0.0.1', ok));
    process.env.AGENCY_CHECKS = JSON.stringify({
      CNTXG: { customs: `http://127.0.0.1:${(customs.address() as AddressInfo).port}/` },
    });
    try {
      const a = announcement();
      const callId = (await sys.request('POST', '/v1/calls', { token: agent, body: a })).body.callId as string;
      await sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: agent, body: declaration(a.eta) });
      await expect
        .poll(async () => (await sys.request('GET', `/v1/calls/${callId}`, { token: agent })).body.status)
        .toBe('ARRIVAL_CLEARED');
      await sys.request('POST', `/v1/calls/${callId}/arrived`, { token: agent, body: {} });
      const draft = await sys.request('GET', `/v1/calls/${callId}/departure`, { token: agent });
      await sys.request('PUT', `/v1/calls/${callId}/departure`, { token: agent, body: draft.body.draft });

      await page.goto(`${sys.url}/#/calls/${callId}`);
      await page.getByText('AgencyUnavailable').first().waitFor({ state: 'visible', timeout: 10_000 });
      await page.screenshot({ path: `${SHOTS}failed-clearance.png`, fullPage: true });
      customsUp = true;
      await page.getByRole('button', { name: 'Re-drive' }).click();
      await page.getByLabel('Reason').fill('customs system back online');
      await page.getByRole('dialog').getByRole('button', { name: 'Re-drive' }).click();
      await page.getByText('Cleared to sail').first().waitFor({ state: 'visible', timeout: 10_000 });
    } finally {
      delete process.env.AGENCY_CHECKS;
      customs.close();
    }
  });

  it('lets a supervisor register a device, see its key once, assign it to a ship, rotate and retire it', async () => {
    // Signed in again, as a supervisor of the port.
    await page.goto(`${sys.url}/#/shift`);
    await page.getByRole('button', { name: /Officer · CNTXG/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Officer' }).click();
    await page.getByRole('option', { name: 'Supervisor' }).click();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Devices' }).click();

    await page.getByLabel('Label').fill('Terminal 1, gangway B');
    await page.getByRole('button', { name: 'Register device' }).click();
    const key = page.getByText(/^D[0-9A-Z]{26}: /);
    await key.waitFor({ state: 'visible' });
    const row = page.getByRole('row').filter({ hasText: 'Terminal 1, gangway B' });
    await row.getByRole('button', { name: 'Assign to call' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /Choose a ship/ })
      .click();
    await page.getByRole('option', { name: /STAR AQUILA/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Assign to call' }).click();
    await row.getByText(/STAR AQUILA/).waitFor({ state: 'visible' });
    // The key was shown once: gone after the next action, and the list never carries it.
    expect(await key.count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}devices.png`, fullPage: true });

    await row.getByRole('button', { name: 'Rotate key' }).click();
    await page.getByText(/^D[0-9A-Z]{26}: /).waitFor({ state: 'visible' });
    await row.getByRole('cell', { name: '2', exact: true }).waitFor({ state: 'visible' });
    await row.getByRole('button', { name: 'Retire' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Retire' }).click();
    await row.getByText('Retired').waitFor({ state: 'visible' });
  });

  it('switches the labels to Chinese', async () => {
    await page.goto(`${sys.url}/#/shift`);
    await page.getByRole('button', { name: /中文/ }).click();
    await page
      .getByRole('heading', { name: /值班看板/ })
      .first()
      .waitFor({ state: 'visible' });
    await page.getByRole('button', { name: /English/ }).click();
  });
});
