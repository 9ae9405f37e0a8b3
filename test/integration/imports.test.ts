// Crew and passenger lists uploaded as files over HTTP on the embedded runtime, as an agent's
// portal or script sends them: the raw file as the body with its media type.
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPREADSHEET_TYPES } from '#imports/schema.ts';
import { crewRow, imoWorkbook } from '#local/spreadsheets.ts';
import { announcement, declaration } from '../support/fixtures.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

let sys: TestSystem;
let agent: string;

beforeAll(async () => {
  sys = await startTestSystem();
  agent = await sys.token({ role: 'agent', agentId: 'ACME-SHIPPING' });
});
afterAll(() => sys.stop());

async function upload(file: Buffer | string, contentType: string, token: string | null = agent) {
  const res = await fetch(`${sys.url}/v1/imports/persons`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...(token && { authorization: `Bearer ${token}` }) },
    body: typeof file === 'string' ? file : new Uint8Array(file),
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('importing persons from a file', () => {
  it('reads the example CSV with its Chinese and accented names intact', async () => {
    const res = await upload(readFileSync('examples/persons.csv'), 'text/csv; charset=utf-8');
    expect(res.status).toBe(200);
    expect(res.body.problems).toEqual([]);
    expect(res.body.crew.map((p: { familyName: string }) => p.familyName)).toEqual(['李', 'SANTOS', 'KOVALENKO']);
    expect(res.body.passengers[0]).toMatchObject({
      familyName: 'Müller',
      givenNames: 'José',
      placeOfBirth: 'São Paulo',
    });
  });

  it('gives back a crew list from the IMO template that an arrival declaration accepts once fixed', async () => {
    // Prepare: the example's crew in the template, one nationality mistyped
    const { eta, ...call } = announcement();
    const d = declaration(eta);
    const rows = d.crew.map((p, i) => crewRow(p, i + 1));
    rows[1]![4] = 'PH';
    // Act
    const res = await upload(await imoWorkbook({ crew: rows, blankNumberedRows: 20 }), SPREADSHEET_TYPES.xlsx);
    // Assess: the problem names the cell, and the fixed list is declared and accepted
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.problems).toEqual([
      expect.objectContaining({ sheet: 'Crew List', row: 20, column: 'F', field: 'nationality', index: 1 }),
    ]);
    const crew = res.body.crew;
    crew[1].nationality = 'PHL';
    const created = await sys.request('POST', '/v1/calls', { token: agent, body: { ...call, eta } });
    expect(created.status).toBe(201);
    const put = await sys.request('PUT', `/v1/calls/${created.body.callId}/arrival`, {
      token: agent,
      body: { ...d, crew },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(202);
  });

  it('answers 4xx, never 5xx, to files that are not what they say or are built to hurt', async () => {
    const bomb = Buffer.from(zipSync({ 'xl/sharedStrings.xml': new Uint8Array(150 * 1024 * 1024) }, { level: 9 }));
    const cases: [string, Buffer | string, string, number][] = [
      ['a zip bomb', bomb, SPREADSHEET_TYPES.xlsx, 400],
      ['random bytes as a workbook', Buffer.from('PK\x03\x04 nothing here'), SPREADSHEET_TYPES.xlsx, 400],
      ['a PDF as CSV', Buffer.from('%PDF-1.7\n\xff\xfe', 'latin1'), 'text/csv', 400],
      ['plain text', 'hello', 'text/plain', 415],
      ['a file over 4 MB', Buffer.alloc(4_500_000, 1), SPREADSHEET_TYPES.xlsx, 413],
    ];
    for (const [name, file, type, status] of cases) {
      const res = await upload(file, type);
      expect(res.status, name).toBe(status);
      expect(res.body.error.message, name).toBeTruthy();
    }
  });

  it('lets only agents import', async () => {
    const file = readFileSync('examples/persons.csv');
    expect((await upload(file, 'text/csv', null)).status).toBe(401);
    const officer = await sys.token({ role: 'officer', port: 'CNTXG' });
    expect((await upload(file, 'text/csv', officer)).status).toBe(403);
  });

  it('is in the API contract with both media types', async () => {
    const doc = (await sys.request('GET', '/openapi.json')).body;
    const op = doc.paths['/v1/imports/persons'].post;
    expect(Object.keys(op.requestBody.content)).toEqual([SPREADSHEET_TYPES.xlsx, SPREADSHEET_TYPES.csv]);
    // Responses are described in their output form, named <id>Output where it differs from the input.
    expect(op.responses['200'].content['application/json'].schema.$ref).toMatch(
      /^#\/components\/schemas\/PersonsImport(Output)?$/,
    );
  });
});
