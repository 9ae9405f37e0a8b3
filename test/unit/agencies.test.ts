// Other agencies' checks: configured per port, recorded or asked over HTTP.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AGENCIES, type RecordedAnswer, agencyChecks, holdsOn, httpCheck } from '#departure/agencies.ts';
import { agencyOf, portAgencies } from '#functions/agencies/config.ts';
import type { StoredCall } from '#calls/store.ts';

let server: Server;
let url: string;
const asked: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    asked.push(req.url!);
    const held = req.url!.includes('imo=9074729');
    if (req.url!.includes('imo=0000000')) {
      res.writeHead(502).end();
      return;
    }
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify(held ? { clear: false, detail: 'dues unpaid' } : { clear: true }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/check`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const call = (imo: string) => ({ callId: 'C1', port: 'CNTXG', vessel: { imo } }) as unknown as StoredCall;

describe('agency checks', () => {
  it('asks every port the default agencies, each recorded, without configuration', () => {
    expect(agencyChecks('CNTXG', undefined).map((c) => c.agency)).toEqual(DEFAULT_AGENCIES);
  });

  it('defaults to a Chinese port: customs with quarantine, and maritime safety for the port clearance', () => {
    expect(portAgencies('CNTXG', undefined).map((a) => [a.agency, a.roles])).toEqual([
      ['customs', ['CUSTOMS', 'QUARANTINE']],
      ['maritime-safety', ['MARITIME_SAFETY']],
    ]);
  });

  it('takes a full setting with a role, and keeps known names for the short form', () => {
    const raw = JSON.stringify({
      CNSHA: { customs: 'recorded', pilotage: { roles: ['PORT_AUTHORITY'], decides: 'pilot on board', check: url } },
    });
    const [customs, pilotage] = portAgencies('CNSHA', raw);
    expect(customs).toMatchObject({ name: 'Customs (GACC), including health quarantine', check: 'recorded' });
    expect(pilotage).toMatchObject({ agency: 'pilotage', roles: ['PORT_AUTHORITY'], check: url });
  });

  it('refuses an agency the port does not have with a 404 naming the ones it has', () => {
    expect(() => agencyOf('CNTXG', 'health', undefined)).toThrow(
      expect.objectContaining({
        status: 404,
        details: [{ path: 'agency', message: 'must be one of customs, maritime-safety' }],
      }),
    );
  });

  it('counts as holding only configured agencies whose latest answer is HOLD', async () => {
    const answer = (agency: string, status: 'CLEAR' | 'HOLD'): RecordedAnswer => ({
      agency,
      status,
      recordedBy: 'officer-1',
      recordedAt: '2026-12-01T08:00:00.000Z',
    });
    const answers = {
      ofCall: async () => [answer('customs', 'CLEAR'), answer('maritime-safety', 'HOLD'), answer('health', 'HOLD')],
    };
    const holds = await holdsOn(answers, { callId: 'C1', port: 'CNTXG' }, undefined);
    expect(holds.map((h) => h.agency)).toEqual(['maritime-safety']);
  });

  it('takes a port’s own list, falling back to "*"', () => {
    const raw = JSON.stringify({ CNTXG: { customs: 'recorded', 'port-dues': url }, '*': { customs: 'recorded' } });
    expect(agencyChecks('CNTXG', raw).map((c) => c.agency)).toEqual(['customs', 'port-dues']);
    expect(agencyChecks('CNSHA', raw).map((c) => c.agency)).toEqual(['customs']);
  });

  it('asks an agency over HTTP with the call, imo and port, and reads its verdict', async () => {
    const check = httpCheck('port-dues', url);
    expect(await check.check(call('9412347'))).toEqual({ agency: 'port-dues', clear: true });
    expect(await check.check(call('9074729'))).toEqual({ agency: 'port-dues', clear: false, detail: 'dues unpaid' });
    expect(asked[0]).toBe('/check?callId=C1&imo=9412347&port=CNTXG');
  });

  it('raises AgencyUnavailable, which the workflow retries, when the agency fails', async () => {
    await expect(httpCheck('port-dues', url).check(call('0000000'))).rejects.toMatchObject({
      name: 'AgencyUnavailable',
    });
  });
});
