// What an officer's arrival decision says about named persons, as the persons' border decisions take it.
import { describe, expect, it } from 'vitest';
import { conditionsOf, personDecisions } from '#review/person-decisions.ts';
import type { DecisionOutput } from '#review/schema.ts';

const by = { officer: 'officer-wang', decidedAt: '2026-12-01T08:00:00.000Z' };

describe('person decisions from a clearance', () => {
  it('puts no condition on a plain approval or an automatic clearance', () => {
    expect(conditionsOf({ decision: 'APPROVE', ...by })).toEqual([]);
    expect(conditionsOf(undefined)).toEqual([]);
  });

  it('turns a refusal of entry into an ENTRY_REFUSED condition with its reason and officer', () => {
    const decision: DecisionOutput = { decision: 'REFUSE_ENTRY', persons: ['C03'], reason: 'no visa', ...by };
    expect(conditionsOf(decision)).toEqual([
      {
        kind: 'ENTRY_REFUSED',
        personRefs: ['C03'],
        note: 'no visa',
        decidedBy: 'officer-wang',
        decidedAt: by.decidedAt,
      },
    ]);
  });

  it('names each person once, the refusal winning over being held on board', () => {
    const conditions = conditionsOf({
      decision: 'APPROVE_WITH_CONDITIONS',
      conditions: [
        { kind: 'HELD_ON_BOARD', personRefs: ['C01', 'C02'], note: 'fever' },
        { kind: 'OTHER', note: 'berth at anchorage first' },
      ],
      ...by,
    });
    const refused = conditionsOf({ decision: 'REFUSE_ENTRY', persons: ['C02'], reason: 'banned', ...by });
    expect(personDecisions([...refused, ...conditions]).map((p) => [p.personRef, p.decision])).toEqual([
      ['C02', 'ENTRY_REFUSED'],
      ['C01', 'HELD_ON_BOARD'],
    ]);
  });
});
