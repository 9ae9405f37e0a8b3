// Keys have one home: no store builds a key prefix of its own, and every prefix is in the
// access-pattern table next to the builders.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keys } from '#shared/keys.ts';

const root = new URL('../../functions/', import.meta.url).pathname;
const storeFiles = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
  (f) => f.endsWith('.ts') && !f.endsWith('keys.ts'),
);

describe('the single table keys', () => {
  it('are built only in functions/shared/keys.ts', () => {
    const offenders = storeFiles.flatMap((f) => {
      const text = readFileSync(join(root, f), 'utf8');
      // A key written by hand: pk/sk/gsi attributes set to a literal or a template with a prefix.
      return [...text.matchAll(/\b(pk|sk|gsi[123](pk|sk)):\s*[`'][A-Z]+#/g)].map((m) => `${f}: ${m[0]}`);
    });
    expect(offenders).toEqual([]);
  });

  it('has every prefix it builds written down in its access-pattern table', () => {
    const text = readFileSync(join(root, 'shared/keys.ts'), 'utf8');
    const table = text.slice(0, text.indexOf('const pad'));
    const samples = [
      keys.call('C'),
      keys.audit('C', 1),
      keys.declaration('C', 'arrival', 1),
      keys.event('C', 'E'),
      keys.presence('C', 'R'),
      keys.agency('C', 'customs'),
      keys.voyage('9', 'V', 'P'),
      keys.permitCode('X'),
      keys.review('R'),
      keys.alert('A'),
      keys.device('D'),
      keys.agent('A', 'P'),
      keys.watch('P', 'K'),
      keys.callByPort('P', 'E', 'C'),
      keys.deviceByPort('P', 'D'),
      keys.callByStatus('P', 'S', 'E', 'C'),
      keys.openReview('P', 'T', 'R'),
      keys.alertByStatus('P', 'S', 'T', 'A'),
      keys.ashore('T', 'C', 'R'),
      keys.callByOwner('A', 'E', 'C'),
      keys.eventOfCall('C', 'T', 'E'),
      keys.reviewOfCall('C', 'T', 'R'),
      keys.alertOfCall('C', 'T', 'A'),
      keys.portDay('P', '2027-03-01'),
      keys.portDayTally('P', '2027-03-01'),
      keys.portTallied('P'),
      keys.webhook('W'),
      keys.delivery('W', 'M'),
      keys.pendingDelivery('T', 'M'),
      keys.webhookOfAgent('A', 'T', 'W'),
    ];
    for (const sample of samples) {
      for (const value of Object.values(sample)) {
        const prefix = String(value).split('#')[0]!;
        expect(table, `${prefix} is not in the access-pattern table`).toContain(prefix);
      }
    }
  });
});
