// The public permit check in a real browser: what someone who scans a printed permit's QR code sees,
// without signing in — whether the permit stands, the vessel and the port, and nothing personal.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcement, declaration } from '../support/fixtures.ts';
import { BROWSER_TEST_TIMEOUT, SHOTS, hasChromium, launchChromium } from '../support/browser.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

let sys: TestSystem;
let browser: Browser;
let code: string;
let personal: string[];

describe.skipIf(!hasChromium)('the public permit check in a browser', () => {
  beforeAll(async () => {
    sys = await startTestSystem();
    browser = await launchChromium();
    const agent = await sys.token({ role: 'agent', agentId: 'ACME-SHIPPING' });
    const body = announcement();
    const { callId } = (await sys.request('POST', '/v1/calls', { token: agent, body })).body;
    const arrival = declaration(body.eta);
    // The master's given names, document number and birth date: none may show on a public page.
    const master = arrival.crew[0]!;
    personal = [master.givenNames, master.document.number, master.dateOfBirth];
    await sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: agent, body: arrival });
    for (let i = 0; i < 300 && !code; i++) {
      const permit = await sys.request('GET', `/v1/calls/${callId}/permits/arrival`, { token: agent });
      if (permit.status === 200) code = permit.body.verificationCode;
      else await new Promise((r) => setTimeout(r, 20));
    }
    expect(code).toBeDefined();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await sys?.stop();
  });

  it(
    'shows a valid permit with its vessel and port to someone who is not signed in, and no crew',
    async () => {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      page.setDefaultTimeout(15_000);

      await page.goto(`${sys.url}/verify/${code}`);

      await page.getByTestId('permit-status').filter({ hasText: 'VALID' }).waitFor({ state: 'visible' });
      await page.getByText('有效 · Valid').first().waitFor({ state: 'visible' });
      await page.getByText('HAI XING 7').waitFor({ state: 'visible' });
      await page.getByText('CNTXG').waitFor({ state: 'visible' });
      expect(await page.getByRole('button', { name: 'Sign in' }).count()).toBe(0);
      const text = await page.locator('body').textContent();
      for (const item of personal) expect(text ?? '').not.toContain(item);
      await page.screenshot({ path: `${SHOTS}verify-valid-390.png`, fullPage: true });
      await page.close();
    },
    BROWSER_TEST_TIMEOUT,
  );

  it(
    'says that a code belongs to no permit',
    async () => {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      page.setDefaultTimeout(15_000);

      await page.goto(`${sys.url}/verify/AAAA-BBBB-CCCC-DDDD`);

      await page.getByText('无此许可证 · No such permit').waitFor({ state: 'visible' });
      expect(await page.getByTestId('permit-status').count()).toBe(0);
      await page.close();
    },
    BROWSER_TEST_TIMEOUT,
  );
});
