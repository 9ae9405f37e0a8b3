// The declaration wizard's own logic: where a new voyage's declaration starts, the counts it
// states, and which problems each row of a crew list shows while the agent fixes it.
import { describe, expect, it } from 'vitest';
import type { ImportProblem } from '#imports/schema.ts';
import { fromPreviousVoyage, withCounts } from '../../dashboard/src/agent/wizard/draft.ts';
import { get, importStates, rowProblems, set } from '../../dashboard/src/agent/wizard/rows.ts';
import { crewMember, declaration } from '../support/fixtures.ts';

const problem = (over: Partial<ImportProblem>): ImportProblem => ({
  sheet: 'Crew List',
  row: 20,
  column: 'K',
  field: 'document.expiry',
  message: 'must be a date YYYY-MM-DD',
  list: 'crew',
  index: 1,
  ...over,
});

describe('a declaration started from the previous voyage', () => {
  it('keeps the ship, its certificates and its crew, and drops the voyage and its passengers', () => {
    const previous = declaration('2026-11-01T00:00:00.000Z', (d) => {
      d.schedule = { berth: 'Berth 9' };
      d.passengers = [{ ...crewMember('P1'), transit: false } as never];
    });
    const start = fromPreviousVoyage(previous);
    expect(start.crew).toEqual(previous.crew);
    expect(start.security).toEqual(previous.security);
    expect(start.health).toEqual(previous.health);
    expect(start.passengers).toEqual([]);
    expect(start.general.lastPortsOfCall).toEqual([]);
    expect(start.schedule).toBeUndefined();
  });
});

describe('the general declaration counts', () => {
  it('come from the lists, and the master is named from the crew list until the agent names one', () => {
    const d = declaration('2026-12-03T00:00:00.000Z', (x) => {
      x.general.masterName = '';
      x.general.crewCount = 99;
    });
    const counted = withCounts(d);
    expect(counted.general).toMatchObject({ crewCount: 3, passengerCount: 0, personsOnBoard: 3, masterName: 'LI Wei' });
    expect(withCounts({ ...d, general: { ...d.general, masterName: 'Captain Li' } }).general.masterName).toBe(
      'Captain Li',
    );
  });
});

describe('the problems of a row', () => {
  const master = crewMember('C01', { rank: 'MASTER' });
  const broken = { ...crewMember('C02'), document: { ...crewMember('C02').document, expiry: '2031/13/45' } };

  it("shows the import's problem and the schema's, and none on a good row", () => {
    const rows = rowProblems('crew', [master, broken], [problem({})], new Set(), {});
    expect(rows[0]).toEqual({});
    // The import's word comes first, with the cell of the agent's spreadsheet it is about.
    expect(rows[1]).toEqual({ 'document.expiry': 'must be a date YYYY-MM-DD (Crew List, K20)' });
  });

  it("drops the import's word on a row once it is edited, and the schema's once the cell is right", () => {
    const fixed = set(broken, 'document.expiry', '2031-06-30');
    expect(get(fixed, 'document.expiry')).toBe('2031-06-30');
    expect(get(fixed, 'document.number')).toBe(broken.document.number);
    expect(rowProblems('crew', [master, fixed], [problem({})], new Set([1]), {})[1]).toEqual({});
    // Not yet edited: the import's problem stands even if the cell now reads well.
    expect(rowProblems('crew', [master, fixed], [problem({})], new Set(), {})[1]).toEqual({
      'document.expiry': 'must be a date YYYY-MM-DD (Crew List, K20)',
    });
  });

  it("puts the declaration's rules and the server's refusals on their row", () => {
    const rows = rowProblems('crew', [master, crewMember('C02')], [], new Set(), {
      '1.document.expiry': 'the document expires on 2026-12-01, before the departure',
    });
    expect(rows[1]).toEqual({ 'document.expiry': 'the document expires on 2026-12-01, before the departure' });
    expect(rows[0]).toEqual({});
  });

  it("leaves another list's problems to that list", () => {
    expect(rowProblems('crew', [master], [problem({ list: 'passengers', index: 0 })], new Set(), {})[0]).toEqual({});
  });
});

describe('an upload', () => {
  it('gives each list its own problems and count, from one workbook', () => {
    const states = importStates(
      {
        crew: [master(), master()],
        passengers: [],
        problems: [problem({}), problem({ list: 'passengers', index: 0 })],
      },
      'crew.xlsx',
    );
    expect(states.crew).toEqual({ problems: [problem({})], edited: [], file: 'crew.xlsx', count: 2 });
    expect(states.passengers.count).toBe(0);
    expect(states.passengers.problems).toHaveLength(1);
  });
});

function master() {
  return crewMember('C01', { rank: 'MASTER' });
}
