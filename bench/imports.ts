// `npm run bench:imports`: a crew of 500 and 5,000 passengers read from the IMO template (.xlsx)
// and from CSV, in process and over HTTP, against a baseline measured in the same run: reading
// the same persons from JSON with the declaration's own schemas (what a JSON submission costs).
import * as z from 'zod';
import { importPersons } from '#imports/service.ts';
import { SPREADSHEET_TYPES } from '#imports/schema.ts';
import { crewOf } from '#local/examples.ts';
import { passengersOf } from '#local/passenger-lists.ts';
import { startRuntime } from '#local/runtime.ts';
import { crewRow, imoWorkbook, passengerRow, personsCsv } from '#local/spreadsheets.ts';
import { CrewMember, Passenger } from '#shared/people.ts';
import { progress, round } from './stats.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const crew = crewOf('2030-01-01T00:00:00Z', 500).crew;
const passengers = passengersOf(5_000);

const median = async (task: () => Promise<unknown>) => {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await task();
    times.push(performance.now() - t0);
  }
  return round(times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!, 1);
};

progress('building the files');
const xlsx = await imoWorkbook({
  crew: crew.map((p, i) => crewRow(p, i + 1)),
  passengers: passengers.map((p, i) => passengerRow(p, i + 1)),
});
const csv = Buffer.from(personsCsv({ crew, passengers }));
const json = JSON.stringify({ crew, passengers });
const Lists = z.object({ crew: z.array(CrewMember), passengers: z.array(Passenger) });

progress(`baseline: JSON with the declaration's schemas, ${RUNS} runs`);
const baselineMs = await median(async () => Lists.parse(JSON.parse(json)));
progress('in process: xlsx and csv');
const read = (file: Buffer, contentType: string) => async () => {
  const out = await importPersons({ contentType, file, lang: 'en' });
  if (out.problems.length || out.passengers.length !== 5_000) throw new Error('the import lost persons');
};
const xlsxMs = await median(read(xlsx, SPREADSHEET_TYPES.xlsx));
const csvMs = await median(read(csv, SPREADSHEET_TYPES.csv));

progress('over HTTP on the embedded runtime');
const runtime = await startRuntime({ port: 0, rateLimit: false });
const token = await runtime.identity.mint({ role: 'agent', agentId: 'BENCH' });
const post = (file: Buffer, contentType: string) => async () => {
  const res = await fetch(`${runtime.url}/v1/imports/persons`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    body: new Uint8Array(file),
  });
  if (res.status !== 200) throw new Error(`import answered ${res.status}`);
  await res.arrayBuffer();
};
const xlsxHttpMs = await median(post(xlsx, SPREADSHEET_TYPES.xlsx));
const csvHttpMs = await median(post(csv, SPREADSHEET_TYPES.csv));
await runtime.stop();

const report = {
  persons: { crew: crew.length, passengers: passengers.length },
  fileKb: { xlsx: round(xlsx.length / 1024, 1), csv: round(csv.length / 1024, 1), json: round(json.length / 1024, 1) },
  baselineJsonMs: baselineMs,
  xlsx: { inProcessMs: xlsxMs, httpMs: xlsxHttpMs, ratioToBaseline: round(xlsxMs / baselineMs, 1) },
  csv: { inProcessMs: csvMs, httpMs: csvHttpMs, ratioToBaseline: round(csvMs / baselineMs, 1) },
  goals: { xlsxOverHttpAtMost5s: xlsxHttpMs <= 5_000, csvOverHttpAtMost5s: csvHttpMs <= 5_000 },
};
console.log(JSON.stringify(report, null, 2));
