// A verifiable audit, over HTTP on the embedded runtime: port-level changes in their chains, a
// signed daily root at a public route, the server's verification, and `npm run audit -- verify`
// on an export, without the server. Tampering with one stored entry is caught and named.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDay } from '#functions/audit/roots.ts';
import { auditSigner } from '#functions/audit/signer.ts';
import { adapters } from '#functions/wiring.ts';
import { auditDay } from '#shared/audit.ts';
import { documentClient, tableName } from '#shared/aws.ts';
import { keys } from '#shared/keys.ts';
import { announcement, declaration } from '../support/fixtures.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let sys: TestSystem;
let agent: string;
let officer: string;
let supervisor: string;
let callId: string;
const dir = mkdtempSync(join(tmpdir(), 'audit-export-'));

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ['scripts/audit.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: run.status, out: run.stdout + run.stderr };
}

beforeAll(async () => {
  sys = await startTestSystem();
  agent = await sys.token({ role: 'agent', agentId: 'ACME-SHIPPING' });
  officer = await sys.token({ role: 'officer', port: 'CNTXG', sub: 'officer-wang' });
  supervisor = await sys.token({ role: 'supervisor', port: 'CNTXG', sub: 'sup-chen' });
  const a = announcement();
  callId = (await sys.request('POST', '/v1/calls', { token: agent, body: a })).body.callId;
  await sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: agent, body: declaration(a.eta) });
  for (let i = 0; i < 300; i++) {
    if ((await sys.request('GET', `/v1/calls/${callId}`, { token: agent })).body.status === 'ARRIVAL_CLEARED') break;
    await new Promise((r) => setTimeout(r, 20));
  }
});
afterAll(() => sys.stop());

const today = () => auditDay(new Date().toISOString());

describe('port-level changes', () => {
  it('go into their chains: devices and agency answers by port, watch-list loads with their reason, AEO trust', async () => {
    await sys.request('POST', '/v1/devices', { token: supervisor, body: { label: 'gangway 1', kind: 'FACE' } });
    await sys.request('PUT', `/v1/calls/${callId}/agencies/customs`, {
      token: officer,
      body: { status: 'CLEAR', note: 'duty paid' },
    });
    await sys.request('PUT', '/v1/watchlist', {
      token: supervisor,
      body: {
        reason: 'SLTD update 2026-12',
        entries: [{ kind: 'DOCUMENT', issuingState: 'PHL', number: 'SID1234567', reason: 'reported stolen' }],
      },
    });
    await sys.request('PUT', '/v1/agents/ACME-SHIPPING/trust', { token: supervisor, body: { aeo: true } });

    const port = await sys.request('GET', `/v1/audit/verify?chain=${encodeURIComponent('PORT#CNTXG')}`, {
      token: officer,
    });
    expect(port.body).toMatchObject({ chain: 'PORT#CNTXG', entries: 2, intact: true });
    const exported = await sys.request('GET', `/v1/audit/export?chain=${encodeURIComponent('PORT#CNTXG')}`, {
      token: officer,
    });
    expect(exported.body.entries.map((e: { action: string; subject: string }) => [e.action, e.subject])).toEqual([
      ['DEVICE_REGISTERED', expect.stringMatching(/^device D/)],
      ['AGENCY_ANSWERED', `agency customs on call ${callId}: CLEAR`],
    ]);
    const watch = await sys.request('GET', '/v1/audit/export?chain=WATCHLIST', { token: officer });
    expect(watch.body.entries[0]).toMatchObject({
      action: 'WATCHLIST_LOADED',
      reason: 'SLTD update 2026-12',
      subject: '1 entries (1 DOCUMENT) for CNTXG',
      actor: { role: 'supervisor', id: 'sup-chen' },
    });
    expect(JSON.stringify(watch.body)).not.toContain('SID1234567');
    const agents = await sys.request('GET', '/v1/audit/export?chain=AGENTS', { token: officer });
    expect(agents.body.entries[0]).toMatchObject({ action: 'AEO_TRUST_GRANTED', subject: 'agent ACME-SHIPPING' });

    const other = await sys.token({ role: 'officer', port: 'CNSHA' });
    const foreign = await sys.request('GET', `/v1/audit/verify?chain=${encodeURIComponent('PORT#CNTXG')}`, {
      token: other,
    });
    expect(foreign.status).toBe(404);
  });
});

describe('daily root and verification', () => {
  it('publishes a signed root at a public route, and verifies a call and its inclusion, on the server and off it', async () => {
    // The hourly job publishes yesterday's; here the day is closed now, in-process.
    const root = await publishDay(
      { audit: adapters.audit, signer: auditSigner(), clock: { now: () => new Date() } },
      today(),
    );
    const published = await sys.request('GET', `/v1/audit/roots/${today()}`);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ day: today(), root: root.root, algorithm: 'ECDSA_SHA_256' });
    expect(published.body).not.toHaveProperty('leaves');
    expect(published.body.leafCount).toBeGreaterThanOrEqual(4);
    const key = await sys.request('GET', '/v1/audit/key');
    expect(key.body.publicKey).toContain('BEGIN PUBLIC KEY');

    const verified = await sys.request('GET', `/v1/audit/verify?callId=${callId}`, { token: officer });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ chain: `CALL#${callId}`, intact: true, problems: [] });
    expect(verified.body.days).toEqual([{ day: today(), published: true, signatureValid: true, included: true }]);

    const exported = await sys.request('GET', `/v1/audit/export?callId=${callId}`, { token: officer });
    writeFileSync(join(dir, 'export.json'), JSON.stringify(exported.body));
    writeFileSync(join(dir, 'key.json'), JSON.stringify(key.body));
    const ok = cli('verify', join(dir, 'export.json'), '--key', join(dir, 'key.json'));
    expect(ok.out).toContain('OK: the chain is intact and matches the published roots');
    expect(ok.code).toBe(0);
  });

  it('names the stored entry someone changed, on the server and in the export', async () => {
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.audit(callId, 2),
        UpdateExpression: 'SET #reason = :r',
        ExpressionAttributeNames: { '#reason': 'reason' },
        ExpressionAttributeValues: { ':r': 'edited afterwards' },
      }),
    );
    const verified = await sys.request('GET', `/v1/audit/verify?callId=${callId}`, { token: officer });
    expect(verified.body.intact).toBe(false);
    expect(verified.body.problems[0]).toMatchObject({ seq: 2 });

    const exported = await sys.request('GET', `/v1/audit/export?callId=${callId}`, { token: officer });
    writeFileSync(join(dir, 'tampered.json'), JSON.stringify(exported.body));
    const failed = cli('verify', join(dir, 'tampered.json'));
    expect(failed.code).toBe(1);
    expect(failed.out).toMatch(/PROBLEM at entry 2: entry 2 \(\w+ at .*\) does not match its hash/);
  });

  it('lets a supervisor publish a day that is over, once, and not one still going on', async () => {
    expect((await sys.request('GET', '/v1/audit/roots/2001-01-01')).status).toBe(404);
    const past = await sys.request('POST', '/v1/audit/roots/2001-01-01/publish', { token: supervisor });
    expect(past.status).toBe(200);
    expect(past.body).toMatchObject({ day: '2001-01-01', leafCount: 0 });
    const again = await sys.request('POST', '/v1/audit/roots/2001-01-01/publish', { token: supervisor });
    expect(again.body.signature).toBe(past.body.signature);
    const now = await sys.request('POST', `/v1/audit/roots/${today()}/publish`, { token: supervisor });
    expect(now.status).toBe(409);
    expect(now.body.error.details[0].path).toBe('day');
  });

  it('answers a day with no root with 404, and a query naming neither call nor chain with 400', async () => {
    expect((await sys.request('GET', '/v1/audit/roots/2001-01-02')).status).toBe(404);
    const neither = await sys.request('GET', '/v1/audit/verify', { token: officer });
    expect(neither.status).toBe(400);
  });
});
