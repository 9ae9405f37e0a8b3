// Rebuilds functions/reference/un-locode.json, the vendored UN/LOCODE list, from the published CSV
// (the datasets/un-locode package, ODC-PDDL) or from CSV files given on the command line, for a
// machine without network or a UNECE release downloaded by hand.
//   npm run refresh:locodes -- --edition 2025-1                       fetch the published CSV
//   npm run refresh:locodes -- --edition 2025-1 'CodeListPart1.csv' … read local files instead
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { encodeLocodes } from '#reference/un-locode-codec.ts';
import { codesFromCsv } from './locode-source.ts';

const PUBLISHED = 'https://raw.githubusercontent.com/datasets/un-locode/main/data/code-list.csv';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    edition: { type: 'string' },
    source: { type: 'string' },
    licence: {
      type: 'string',
      default: 'UN/LOCODE by UNECE, free of charge; datasets/un-locode packaging ODC-PDDL-1.0',
    },
    out: { type: 'string', default: new URL('../functions/reference/un-locode.json', import.meta.url).pathname },
  },
});
if (!values.edition || !/^\d{4}-\d$/.test(values.edition)) {
  console.error('say which UNECE edition the data is, e.g. --edition 2025-1');
  process.exit(2);
}

// Codes are ASCII, so latin1 reads UNECE's Windows-1252 files and UTF-8 ones alike.
const texts = positionals.length
  ? positionals.map((path) => readFileSync(path, 'latin1'))
  : [await fetch(PUBLISHED).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${PUBLISHED}: ${r.status}`))))];
const read = texts.map(codesFromCsv);
const codes = [...new Set(read.flatMap((r) => r.codes))].sort();
const skipped = read.flatMap((r) => r.skipped);
if (codes.length === 0) {
  console.error('no UN/LOCODE found in the input: is it the code list?');
  process.exit(1);
}

writeFileSync(
  values.out,
  `${JSON.stringify(
    {
      edition: values.edition,
      source: values.source ?? (positionals.length ? 'local CSV files' : PUBLISHED),
      licence: values.licence,
      built: new Date().toISOString().slice(0, 10),
      count: codes.length,
      data: encodeLocodes(codes),
    },
    null,
    2,
  )}\n`,
);
console.log(
  `${values.out}: ${codes.length} codes of edition ${values.edition}; ${skipped.length} rows skipped (${skipped.slice(0, 5).join(', ')})`,
);
