// The declaration versions a warm container keeps: read once, bounded by the persons they list,
// never an absent or failed read, and frozen so no caller changes another's copy.
import { describe, expect, it } from 'vitest';
import { recentVersions } from '#clearance/recent-versions.ts';

type Lists = { crew: string[] };
const lists = (n: number): Lists => ({ crew: Array.from({ length: n }, (_, i) => `P${i}`) });

function counted(values: Record<string, Lists | undefined>) {
  const reads: string[] = [];
  return {
    reads,
    read: (key: string) => async () => {
      reads.push(key);
      return structuredClone(values[key]);
    },
  };
}

describe('recent declaration versions', () => {
  it('reads a version once however often it is asked for, also when asked at the same moment', async () => {
    const recent = recentVersions<Lists>((v) => v.crew.length, { maxWeight: 100, maxAgeMs: 60_000 });
    const source = counted({ a: lists(3) });
    const [x, y] = await Promise.all([recent.get('a', source.read('a')), recent.get('a', source.read('a'))]);
    const z = await recent.get('a', source.read('a'));
    expect(source.reads).toEqual(['a']);
    expect(x).toBe(y);
    expect(z?.crew).toHaveLength(3);
  });

  it('keeps neither an absent version nor a failed read', async () => {
    const recent = recentVersions<Lists>((v) => v.crew.length, { maxWeight: 100, maxAgeMs: 60_000 });
    const source = counted({ a: undefined });
    expect(await recent.get('a', source.read('a'))).toBeUndefined();
    expect(await recent.get('a', source.read('a'))).toBeUndefined();
    await expect(recent.get('b', () => Promise.reject(new Error('throttled')))).rejects.toThrow('throttled');
    expect((await recent.get('b', async () => lists(1)))?.crew).toEqual(['P0']);
    expect(source.reads).toEqual(['a', 'a']);
  });

  it('lets go of the least recently used once the persons kept pass the bound, never the newest', async () => {
    const recent = recentVersions<Lists>((v) => v.crew.length, { maxWeight: 10, maxAgeMs: 60_000 });
    const source = counted({ a: lists(4), b: lists(4), c: lists(4), big: lists(50) });
    await recent.get('a', source.read('a'));
    await recent.get('b', source.read('b'));
    await recent.get('a', source.read('a')); // a is now the more recent
    await recent.get('c', source.read('c')); // 12 > 10: b goes
    await recent.get('a', source.read('a'));
    await recent.get('b', source.read('b'));
    expect(source.reads).toEqual(['a', 'b', 'c', 'b']);
    // One version heavier than the bound is still kept while it is the newest.
    await recent.get('big', source.read('big'));
    await recent.get('big', source.read('big'));
    expect(source.reads.filter((k) => k === 'big')).toHaveLength(1);
  });

  it('reads again a version kept longer than its age allows', async () => {
    const recent = recentVersions<Lists>((v) => v.crew.length, { maxWeight: 100, maxAgeMs: 20 });
    const source = counted({ a: lists(2) });
    await recent.get('a', source.read('a'));
    await recent.get('a', source.read('a'));
    await new Promise((r) => setTimeout(r, 30));
    await recent.get('a', source.read('a'));
    expect(source.reads).toEqual(['a', 'a']);
  });

  it('hands out a frozen copy: changing it throws instead of changing it for the next reader', async () => {
    const recent = recentVersions<Lists>((v) => v.crew.length, { maxWeight: 100, maxAgeMs: 60_000 });
    const kept = await recent.get('a', async () => lists(2));
    expect(() => kept!.crew.push('intruder')).toThrow(TypeError);
    expect((await recent.get('a', async () => lists(0)))?.crew).toEqual(['P0', 'P1']);
  });
});
