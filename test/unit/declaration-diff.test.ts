// The call page's "what changed" between declaration versions: the paths an officer looks at.
import { describe, expect, it } from 'vitest';
import { changedPaths } from '../../dashboard/src/diff.ts';
import { declaration } from '../support/fixtures.ts';

describe('changes between declaration versions', () => {
  const v1 = declaration('2026-12-03T06:00:00Z');

  it('finds nothing between equal versions', () => {
    expect(changedPaths(v1, structuredClone(v1))).toEqual([]);
  });

  it('names each changed field by its path, into lists', () => {
    const v2 = structuredClone(v1);
    v2.crew[1]!.document.number = 'SID0099999';
    v2.health.illPersonsCount = 1;
    expect(changedPaths(v1, v2).sort()).toEqual(['crew.1.document.number', 'health.illPersonsCount']);
  });

  it('names a person added to a list, and a field that appeared', () => {
    const v2 = structuredClone(v1);
    v2.crew.push({ ...v1.crew[0]!, ref: 'C04' });
    v2.schedule = { eta: '2026-12-03T09:00:00Z' };
    expect(changedPaths(v1, v2).sort()).toEqual(['crew.3', 'schedule']);
  });
});
