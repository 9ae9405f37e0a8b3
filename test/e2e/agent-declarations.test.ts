// The portal's declarations in a real browser against the embedded runtime: the next voyage of
// a ship starts from the previous one's declaration, an amendment shows its changes before it is
// sent, the departure starts from the port's pre-filled draft, and the server's refusal of an
// announcement lands on the fields it names.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentPage, dayFromNow } from '../support/agent-portal.ts';
import { SHOTS, hasChromium, launchChromium } from '../support/browser.ts';
import { announcement, declaration } from '../support/fixtures.ts';
import { callUntil } from '../support/poll.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

const AGENT = 'DECLARING-AGENCY';
let sys: TestSystem;
let browser: Browser;
let agent: string;

/** A call announced and declared through the API, cleared on arrival with the example crew. */
async function clearedCall(daysAhead = 5) {
  const a = announcement({ daysAhead });
  const { callId } = (await sys.request('POST', '/v1/calls', { token: agent, body: a })).body;
  await sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: agent, body: declaration(a.eta) });
  await callUntil(sys, agent, callId, (c) => c.status === 'ARRIVAL_CLEARED', 'ARRIVAL_CLEARED');
  return { callId: callId as string, announced: a };
}

describe.skipIf(!hasChromium)('declarations in the agents portal', () => {
  beforeAll(async () => {
    sys = await startTestSystem();
    browser = await launchChromium();
    agent = await sys.token({ role: 'agent', agentId: AGENT });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await sys?.stop();
  });

  it('starts the next voyage of a ship from the previous voyage, crew and certificates', async () => {
    const { announced } = await clearedCall(3);
    const next = announcement({ daysAhead: 20, vessel: announced.vessel });
    const { callId } = (await sys.request('POST', '/v1/calls', { token: agent, body: next })).body;
    const page = await agentPage(browser, sys, { agentId: AGENT });
    await page.goto(`${sys.url}/#/my-calls/${callId}/arrival`);
    await page.getByText(`Started from the declaration of the previous voyage ${announced.voyage}`).waitFor();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    // The example's crew of three, the master first.
    await page.getByRole('heading', { name: /Crew\s*\(3\)/ }).waitFor();
    await page.getByRole('row').filter({ hasText: 'MASTER' }).first().waitFor();
    await page.close();
  }, 90_000);

  it('shows what an amendment changes before it is sent, and nothing when nothing changed', async () => {
    const { callId } = await clearedCall();
    const page = await agentPage(browser, sys, { agentId: AGENT });
    await page.goto(`${sys.url}/#/my-calls/${callId}/arrival`);
    // The version on record is the start: its master and its last ports of call.
    await page.getByRole('textbox', { name: "Master's name" }).waitFor();
    expect(await page.getByRole('textbox', { name: "Master's name" }).inputValue()).toBe('LI Wei');
    await page.screenshot({ path: `${SHOTS}agent-general-en-1440.png`, fullPage: true });
    for (let step = 1; step < 6; step++) await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByText('Nothing changed since the version submitted').waitFor();
    await page.getByRole('button', { name: 'Previous', exact: true }).click();
    const phone = page.getByRole('textbox', { name: 'Their phone', exact: true });
    await phone.fill('+86-22-5555-0199');
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByText('Changes since version 1').waitFor();
    await page.getByText('security.companySecurityOfficer.phone').waitFor();
    await page.screenshot({ path: `${SHOTS}agent-amendment-en-1440.png`, fullPage: true });
    await page.close();
  }, 90_000);

  it('starts the departure from the pre-filled draft and submits it', async () => {
    const { callId } = await clearedCall(0.2);
    expect((await sys.request('POST', `/v1/calls/${callId}/arrived`, { token: agent, body: {} })).status).toBe(200);
    const page = await agentPage(browser, sys, { agentId: AGENT });
    await page.goto(`${sys.url}/#/my-calls/${callId}`);
    await page.getByRole('link', { name: 'Declare the departure' }).first().click();
    await page.getByText('Started from the draft the port prepared').waitFor();
    await page.getByText('3 of 3 persons sail').waitFor();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByText('Everything checks out: ready to submit.').waitFor();
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    // The call now shows the departure's checks and the port's agencies.
    await page.getByRole('heading', { name: 'Agencies' }).waitFor();
    await page.getByText('Persons on board vs the list').waitFor();
    await page.screenshot({ path: `${SHOTS}agent-departure-en-1440.png`, fullPage: true });
    const call = await callUntil(sys, agent, callId, (c) => !!c.departure, 'a departure');
    expect(call.departure.version).toBe(1);
    await page.close();
  }, 90_000);

  it("tells the agent what to amend, in the officer's words, on its calls and as a notification", async () => {
    const officer = await sys.token({ role: 'officer', port: 'CNTXG' });
    const page = await agentPage(browser, sys, { agentId: AGENT });
    // Seen now: what follows is news.
    await page.goto(`${sys.url}/#/my-calls`);
    await page.getByRole('heading', { name: /My calls/ }).waitFor();
    const a = announcement({ daysAhead: 4 });
    const { callId } = (await sys.request('POST', '/v1/calls', { token: agent, body: a })).body;
    await sys.request('PUT', `/v1/calls/${callId}/arrival`, {
      token: agent,
      body: declaration(a.eta, (d) => (d.health.stowaways = true)),
    });
    await callUntil(sys, agent, callId, (c) => c.arrival?.state === 'IN_REVIEW', 'IN_REVIEW');
    const reviews = (await sys.request('GET', '/v1/reviews', { token: officer })).body.items;
    const review = reviews.find((r: { callId: string }) => r.callId === callId);
    await sys.request('POST', `/v1/reviews/${review.reviewId}/decision`, {
      token: officer,
      body: { decision: 'REQUEST_AMENDMENT', reason: 'name the stowaways in the crew list remarks' },
    });
    await callUntil(sys, agent, callId, (c) => c.arrival?.state === 'AMENDMENT_REQUESTED', 'AMENDMENT_REQUESTED');
    // The page polls: the request shows without a reload.
    await page
      .getByRole('link', { name: 'Amend the arrival: name the stowaways in the crew list remarks' })
      .waitFor({ timeout: 30_000 });
    await page.getByText('Notifications: ').first().waitFor();
    await page.screenshot({ path: `${SHOTS}agent-amendment-requested-en-1440.png`, fullPage: true });
    await page.getByRole('link', { name: 'See notifications' }).click();
    await page.getByText('Arrival amendment requested').first().waitFor();
    await page.getByRole('button', { name: 'Mark all as seen' }).click();
    await page.getByText('Nothing new on your calls.').waitFor();
    await page.close();
  }, 90_000);

  it('cancels a call not yet cleared, asking first', async () => {
    const a = announcement({ daysAhead: 9 });
    const { callId } = (await sys.request('POST', '/v1/calls', { token: agent, body: a })).body;
    const page = await agentPage(browser, sys, { agentId: AGENT });
    await page.goto(`${sys.url}/#/my-calls/${callId}`);
    await page.getByRole('button', { name: 'Cancel the call' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').fill('voyage re-routed to Qingdao');
    await dialog.getByRole('button', { name: 'Cancel the call' }).click();
    await page.getByRole('heading', { name: /Cancelled/ }).waitFor();
    const call = (await sys.request('GET', `/v1/calls/${callId}`, { token: agent })).body;
    expect(call).toMatchObject({ status: 'CANCELLED', cancelReason: 'voyage re-routed to Qingdao' });
    // Nothing is left to cancel or declare.
    expect(await page.getByRole('button', { name: 'Cancel the call' }).count()).toBe(0);
    await page.close();
  }, 60_000);

  it("puts the server's refusal of an announcement on the field it names", async () => {
    const page = await agentPage(browser, sys, { agentId: AGENT });
    // A refusal only the server can give here (the page checks the same rules first).
    await page.route('**/v1/calls', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 409,
            contentType: 'application/json',
            body: JSON.stringify({
              error: {
                code: 'CONFLICT',
                message: 'A call of this vessel overlaps',
                details: [{ path: 'eta', message: 'another call of this vessel is in port then' }],
              },
            }),
          })
        : route.continue(),
    );
    await page.goto(`${sys.url}/#/announce`);
    const input = (label: string) => page.getByRole('textbox', { name: label, exact: true });
    await input('Vessel name').fill('HAI XING 7');
    await input('IMO number').fill('9412347');
    await input('MMSI').fill('477123400');
    await input('Call sign').fill('VRAB7');
    await input('Flag (ISO alpha-2)').fill('HK');
    await input('Voyage').fill('0801W');
    for (const [label, text] of [
      ['ETA (port time): day', dayFromNow(3)],
      ['ETA (port time): time', '0800'],
      ['ETD (port time): day', dayFromNow(4)],
      ['ETD (port time): time', '1800'],
    ] as const) {
      await input(label).click();
      await input(label).pressSequentially(text);
    }
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText('another call of this vessel is in port then').waitFor();
    // The message sits with the ETA field, and goes once the ETA is changed.
    await input('ETA (port time): time').click();
    await input('ETA (port time): time').press('Backspace');
    await input('ETA (port time): time').pressSequentially('9');
    expect(await page.getByText('another call of this vessel is in port then').count()).toBe(0);
    await page.close();
  }, 60_000);
});
