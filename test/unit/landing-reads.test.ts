// The gangway reads a call's landing decisions from the table only when the call may have some: a
// call marked as having none costs no query, one marked or stored before the mark is always read.
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredCall } from '#calls/store.ts';
import { borderContext } from '#gangway/border.ts';
import { dynamoPersonsStore } from '#persons/store.ts';
import { announcedCall, gangwayEvent } from '../support/fixtures.ts';

const ddb = mockClient(DynamoDBDocumentClient);
afterEach(() => ddb.reset());

const NOW = new Date('2026-12-03T08:00:00.000Z');

/** A call whose arrival permit stands, so a landing is judged. */
function clearedCall(landingDecided: boolean | undefined): StoredCall {
  const call = announcedCall(NOW);
  return {
    ...call,
    status: 'IN_PORT',
    ...(landingDecided !== undefined && { landingDecided }),
    permits: {
      arrival: {
        callId: call.callId,
        kind: 'arrival',
        version: 1,
        status: 'VALID',
        issuedAt: NOW.toISOString(),
        issuedBy: 'system',
        verificationCode: '7KQ2-M4XD-9PRT-C3VW',
        vesselName: call.vessel.name,
        imo: call.vessel.imo,
        port: call.port,
        eta: call.eta,
        etd: call.etd,
      },
    },
  };
}

const refusedForCrew = {
  sk: 'LANDING#CREW',
  decisionId: 'L01',
  subject: 'CREW',
  decision: 'REFUSED',
  reason: 'port security level 3',
  decidedBy: 'officer-wang',
  decidedAt: NOW.toISOString(),
};

async function landingOfC01(call: StoredCall) {
  const context = await borderContext(
    { border: dynamoPersonsStore, departures: { get: async () => undefined }, landingDefault: 'SHORE_PASS' },
    call,
    [gangwayEvent({ callId: call.callId })],
    new Map([['C01', { list: 'CREW' as const }]]),
  );
  return context.landingOf('C01')?.status;
}

describe('landing decisions read at the gangway', () => {
  it('sends no query for a call marked as having no decision', async () => {
    ddb.on(QueryCommand).resolves({ Items: [refusedForCrew] });
    expect(await landingOfC01(clearedCall(false))).toBe('SHORE_PASS');
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it('reads them for a call marked as having decisions, and applies them', async () => {
    ddb.on(QueryCommand).resolves({ Items: [refusedForCrew] });
    expect(await landingOfC01(clearedCall(true))).toBe('REFUSED');
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(1);
  });

  it('reads them for a call stored before the mark existed', async () => {
    ddb.on(QueryCommand).resolves({ Items: [refusedForCrew] });
    expect(await landingOfC01(clearedCall(undefined))).toBe('REFUSED');
    expect(ddb.commandCalls(QueryCommand)[0]!.args[0].input.ExpressionAttributeValues).toMatchObject({
      ':prefix': 'LANDING#',
    });
  });
});
