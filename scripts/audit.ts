// Checks an audit export without the server, as a third party would:
//   npm run -s audit -- verify export.json [--key key.pem]
// The export comes from GET /v1/audit/export; the key from GET /v1/audit/key (its publicKey). Without
// --key the export's own key is used, and the output says so: compare it with the published one.
import { readFileSync } from 'node:fs';
import { AuditExport } from '#functions/audit/schema.ts';
import { verifyExport } from '#functions/audit/verify.ts';

function usage(): never {
  console.error('usage: npm run -s audit -- verify <export.json> [--key <public-key.pem or audit-key.json>]');
  process.exit(2);
}

const [command, file, ...rest] = process.argv.slice(2);
if (command !== 'verify' || !file) usage();
const keyAt = rest.indexOf('--key');
const keyFile = keyAt >= 0 ? rest[keyAt + 1] : undefined;
if (keyAt >= 0 && !keyFile) usage();

const exported = AuditExport.parse(JSON.parse(readFileSync(file, 'utf8')));
let key = exported.publicKey;
if (keyFile) {
  const text = readFileSync(keyFile, 'utf8');
  key = text.trimStart().startsWith('{') ? (JSON.parse(text) as { publicKey: string }).publicKey : text;
}
const result = verifyExport(exported, key);

console.log(`chain ${result.chain}: ${result.entries} entries`);
console.log(keyFile ? `key: ${keyFile}` : "key: the export's own (compare it with GET /v1/audit/key)");
for (const day of result.days) {
  console.log(
    day.published
      ? `  ${day.day}: root signed ${day.signatureValid ? 'yes' : 'NO'}, last entry included ${day.included ? 'yes' : 'NO'}`
      : `  ${day.day}: no root published yet`,
  );
}
for (const p of result.problems) console.log(`  PROBLEM${p.seq ? ` at entry ${p.seq}` : ''}: ${p.message}`);
console.log(result.intact ? 'OK: the chain is intact and matches the published roots' : 'FAILED');
process.exit(result.intact ? 0 : 1);
