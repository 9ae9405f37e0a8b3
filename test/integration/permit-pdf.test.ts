// Printed permits, over HTTP on the embedded runtime: the PDF an agent prints reads back in both
// languages, and its QR code opens exactly the public verification page of that permit.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcement, declaration } from '../support/fixtures.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

// jsqr is CommonJS whose types declare an ES default export: required, its types agree.
const jsQR: typeof import('jsqr').default = createRequire(import.meta.url)('jsqr');

const PUBLIC_BASE_URL = 'https://clearance.example.org';
let sys: TestSystem;
let agent: string;
let otherAgent: string;
let officer: string;
let otherPortOfficer: string;
let work: string;

beforeAll(async () => {
  sys = await startTestSystem({ publicBaseUrl: PUBLIC_BASE_URL });
  agent = await sys.token({ role: 'agent', agentId: 'ACME-SHIPPING' });
  otherAgent = await sys.token({ role: 'agent', agentId: 'OTHER-AGENCY' });
  officer = await sys.token({ role: 'officer', port: 'CNTXG' });
  otherPortOfficer = await sys.token({ role: 'officer', port: 'CNSHA' });
  work = mkdtempSync(join(tmpdir(), 'permit-pdf-'));
});
afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await sys.stop();
});

async function announced() {
  const body = announcement();
  const res = await sys.request('POST', '/v1/calls', { token: agent, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { callId: res.body.callId as string, eta: body.eta, vessel: body.vessel };
}

async function clearedCall() {
  const call = await announced();
  const res = await sys.request('PUT', `/v1/calls/${call.callId}/arrival`, {
    token: agent,
    body: declaration(call.eta),
  });
  expect(res.status).toBe(202);
  for (let i = 0; i < 300; i++) {
    const now = await sys.request('GET', `/v1/calls/${call.callId}`, { token: agent });
    if (now.body.status === 'ARRIVAL_CLEARED') return call;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`call ${call.callId} was never cleared`);
}

async function pdfOf(callId: string, token: string) {
  const res = await fetch(`${sys.url}/v1/calls/${callId}/permits/arrival/pdf`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** The text of the PDF and the QR code decoded from page 1 rendered as a picture. */
function readBack(bytes: Buffer, name: string) {
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, bytes);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', '-singlefile', file, join(work, name)]);
  const png = PNG.sync.read(readFileSync(join(work, `${name}.png`)));
  const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  return { text, qr: qr?.data };
}

describe('the printed permit', () => {
  it('is an A4 PDF of tens of KB naming the vessel, in Chinese and English, whose QR code opens its verification page', async () => {
    const { callId, vessel } = await clearedCall();
    const permit = (await sys.request('GET', `/v1/calls/${callId}/permits/arrival`, { token: agent })).body;

    const { res, bytes } = await pdfOf(callId, agent);

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeLessThan(100_000);
    const { text, qr } = readBack(bytes, 'agent');
    expect(text).toContain('入境边检许可证');
    expect(text).toContain('Arrival Clearance Permit');
    expect(text).toContain(vessel.name);
    expect(text).toContain(vessel.imo);
    expect(text).toContain(vessel.callSign);
    expect(text).toContain('有效 / VALID');
    expect(text).toContain(permit.verificationCode);
    expect(qr).toBe(`${PUBLIC_BASE_URL}/verify/${permit.verificationCode}`);
    const info = execFileSync('pdfinfo', [join(work, 'agent.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
  });

  it('is printed for an officer of the port too, and the code on it verifies as valid', async () => {
    const { callId } = await clearedCall();

    const { res, bytes } = await pdfOf(callId, officer);

    expect(res.status).toBe(200);
    const code = readBack(bytes, 'officer').qr!.split('/verify/')[1]!;
    const verified = await sys.request('GET', `/v1/permits/verify/${code}`);
    expect(verified.body).toMatchObject({ valid: true, status: 'VALID' });
  });

  it('answers 404 to another agent and to an officer of another port', async () => {
    const { callId } = await clearedCall();

    for (const token of [otherAgent, otherPortOfficer]) {
      const { res, bytes } = await pdfOf(callId, token);
      expect(res.status).toBe(404);
      expect(JSON.parse(bytes.toString('utf8')).error.code).toBe('NOT_FOUND');
    }
  });

  it('answers 404 before the permit is issued, 400 for a kind that does not exist and 401 without a token', async () => {
    const { callId } = await announced();

    const before = await pdfOf(callId, agent);
    const wrongKind = await fetch(`${sys.url}/v1/calls/${callId}/permits/transit/pdf`, {
      headers: { authorization: `Bearer ${agent}` },
    });
    const anonymous = await fetch(`${sys.url}/v1/calls/${callId}/permits/arrival/pdf`);

    expect(before.res.status).toBe(404);
    expect(JSON.parse(before.bytes.toString('utf8')).error.message).toMatch(/No arrival permit/);
    expect(wrongKind.status).toBe(400);
    expect(((await wrongKind.json()) as { error: { details: unknown } }).error.details).toEqual([
      expect.objectContaining({ path: 'path.kind' }),
    ]);
    expect(anonymous.status).toBe(401);
  });
});
