// The call lifecycle as a table: what each state allows, who may cause it, and what it does to permits.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CALL_EVENTS,
  STATE_MEANING,
  TRANSITIONS,
  TransitionNotAllowedError,
  allowedEvents,
  meaningTable,
  mermaidDiagram,
  transition,
} from '#calls/lifecycle.ts';
import { CallStatus } from '#calls/schema.ts';
import { toResponse } from '#shared/http-errors.ts';

describe('the call lifecycle', () => {
  it.each([
    ['DRAFT', true],
    ['SUBMITTED', true],
    ['ARRIVAL_REVIEW', true],
    ['ARRIVAL_CLEARED', true],
    ['IN_PORT', false],
    ['DEPARTURE_REVIEW', false],
    ['DEPARTED', false],
    ['CANCELLED', false],
  ] as const)('a call in %s can be cancelled by its agent: %s', (status, ok) => {
    expect(allowedEvents(status).includes('CANCEL')).toBe(ok);
  });

  it.each([
    ['DEPARTURE_REVIEW', 'SUBMIT_ARRIVAL'],
    ['IN_PORT', 'SUBMIT_ARRIVAL'],
    ['ARRIVAL_CLEARED', 'SUBMIT_DEPARTURE'],
    ['DEPARTURE_SUBMITTED', 'DEPART'],
    ['ARRIVAL_REVIEW', 'ARRIVE'],
    ['DEPARTED', 'RECHECK_DEPARTURE'],
  ] as const)('a call in %s refuses %s with 409, naming the state and what it allows', (status, event) => {
    const refuse = () => transition(status, event, 'agent');
    expect(refuse).toThrow(TransitionNotAllowedError);
    const response = toResponse(
      (() => {
        try {
          refuse();
        } catch (error) {
          return error;
        }
      })(),
    );
    expect(response.statusCode).toBe(409);
    const body = JSON.parse(response.body as string);
    expect(body.error).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED', state: status, event });
    expect(body.error.allowedEvents).toEqual(allowedEvents(status));
    expect(body.error.details[0].path).toBe('status');
  });

  it.each([
    ['ARRIVAL_REVIEW', 'CLEAR_ARRIVAL', 'agent'],
    ['DRAFT', 'SUBMIT_ARRIVAL', 'officer'],
    ['DEPARTURE_CLEARED', 'RECHECK_DEPARTURE', 'agent'],
    ['SUBMITTED', 'REDRIVE_ARRIVAL', 'agent'],
  ] as const)('in %s, %s is not for the %s (403)', (status, event, cause) => {
    expect(() => transition(status, event, cause)).toThrow(/not for the/);
  });

  it('has the arrival and the departure review as two states', () => {
    expect(transition('SUBMITTED', 'OPEN_ARRIVAL_REVIEW', 'system').to).toBe('ARRIVAL_REVIEW');
    expect(transition('DEPARTURE_SUBMITTED', 'OPEN_DEPARTURE_REVIEW', 'system').to).toBe('DEPARTURE_REVIEW');
    expect(CallStatus.options).not.toContain('IN_REVIEW');
  });

  it('leaves no state unreachable and no event unused, and says what every state means', () => {
    const reached = new Set(TRANSITIONS.map((t) => t.to).filter(Boolean));
    for (const status of CallStatus.options) {
      expect(STATE_MEANING[status].agent.length).toBeGreaterThan(0);
      if (status !== 'DRAFT') expect(reached.has(status), status).toBe(true);
    }
    expect(new Set(TRANSITIONS.map((t) => t.event))).toEqual(new Set(CALL_EVENTS));
  });

  it.each([
    ['ARRIVAL_CLEARED', 'SUBMIT_ARRIVAL', { arrival: 'SUPERSEDE' }],
    ['ARRIVAL_CLEARED', 'AMEND_ARRIVAL_SCHEDULE', { arrival: 'REDATE' }],
    ['ARRIVAL_CLEARED', 'CANCEL', { arrival: 'REVOKE' }],
    ['ARRIVAL_REVIEW', 'REJECT_ARRIVAL', { arrival: 'REVOKE' }],
    ['DEPARTURE_CLEARED', 'RECHECK_DEPARTURE', { departure: 'SUSPEND' }],
    ['DEPARTURE_REVIEW', 'CLEAR_DEPARTURE', { departure: 'ISSUE' }],
    ['DEPARTURE_CLEARED', 'DEPART', undefined],
  ] as const)('from %s, %s does %o to the permits', (status, event, permits) => {
    expect(
      transition(
        status,
        event,
        event === 'RECHECK_DEPARTURE'
          ? 'system'
          : event.startsWith('REJECT')
            ? 'supervisor'
            : event.startsWith('CLEAR')
              ? 'officer'
              : 'agent',
      ).permits,
    ).toEqual(permits);
  });

  it('is drawn in the README from the table itself', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(mermaidDiagram());
    expect(readme).toContain(meaningTable());
  });
});
