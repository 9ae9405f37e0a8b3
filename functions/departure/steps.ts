// The departure clearance workflow's steps: one-stop checks from data the system already holds —
// the gangway record, open alerts, other agencies, screening of those signing on.
import * as z from 'zod';
import { dynamoAlertStore } from '#alerts/store.ts';
import { RiskReason } from '#clearance/schema.ts';
import { Ref, changeClearance, currentCall, portOfCall, sharedSteps, systemActor } from '#clearance/steps.ts';
import { dynamoGangwayStore } from '#gangway/store.ts';
import { clock } from '#shared/clock.ts';
import { stepHandler } from '#shared/steps.ts';
import { dynamoWatchListStore } from '#watchlist/store.ts';
import { screen } from '#watchlist/screening.ts';
import { agencyChecks } from './agencies.ts';
import { departureReviewSeconds, reconcile } from './rules.ts';
import { dynamoDepartureStore } from './store.ts';

const SCREENING_BATCH = 10;

async function declarationOf(callId: string, version: number) {
  const stored = await dynamoDepartureStore.get(callId, version);
  if (!stored) throw new Error(`Departure declaration v${version} of ${callId} is missing`);
  return stored.declaration;
}

export const loadDeparture = stepHandler('loadDeparture', Ref, async ({ callId, version, round }) => {
  await currentCall('departure', callId, version, round);
  const d = await declarationOf(callId, version);
  const batches = [];
  for (let from = 0; from < d.signOn.length; from += SCREENING_BATCH) {
    batches.push({ callId, version, round, from, to: Math.min(d.signOn.length, from + SCREENING_BATCH) });
  }
  return { batches };
});

export const reconcilePersons = stepHandler('reconcilePersons', Ref, async ({ callId, version, round }) => {
  await currentCall('departure', callId, version, round);
  const d = await declarationOf(callId, version);
  const recorded = new Map((await dynamoGangwayStore.presence(callId)).map((p) => [p.ref, p.state]));
  // Declared on arrival means on board until the gangway says otherwise; anyone else is unknown.
  const arrivalRefs = new Set([...d.sailing, ...d.signOff]);
  const presence = (ref: string) => recorded.get(ref) ?? (arrivalRefs.has(ref) ? 'ON_BOARD' : 'UNKNOWN');
  const everyone = new Set([...arrivalRefs, ...d.signOn.map((p) => p.ref), ...recorded.keys()]);
  const onBoardNow = [...everyone].filter((ref) => presence(ref) === 'ON_BOARD');
  return { reasons: reconcile(d, presence, onBoardNow) };
});

export const checkOpenAlerts = stepHandler('checkOpenAlerts', Ref, async ({ callId, version, round }) => {
  await currentCall('departure', callId, version, round);
  const open = (await dynamoAlertStore.ofCall(callId)).filter((a) => a.status !== 'RESOLVED' && a.severity === 'HIGH');
  return {
    reasons: open.map((a) => ({
      code: 'UNRESOLVED_HIGH_ALERT',
      severity: 'MAJOR' as const,
      ...(a.personRef && { personRef: a.personRef }),
      detail: `${a.rule} alert ${a.alertId} is ${a.status.toLowerCase()}`,
    })),
  };
});

export const askAgencies = stepHandler('askAgencies', Ref, async ({ callId, version, round }) => {
  const call = await currentCall('departure', callId, version, round);
  const verdicts = await Promise.all(agencyChecks(call.port).map((check) => check.check(call)));
  return {
    reasons: verdicts
      .filter((v) => !v.clear)
      .map((v) => ({
        code: 'AGENCY_HOLD',
        severity: 'MAJOR' as const,
        detail: `${v.agency} holds the departure${v.detail ? `: ${v.detail}` : ''}`,
      })),
  };
});

export const screenSignOns = stepHandler(
  'screenSignOns',
  Ref.extend({ from: z.number().int().min(0), to: z.number().int().min(0) }),
  async ({ callId, version, from, to }) => {
    const d = await declarationOf(callId, version);
    return { hits: await screen(dynamoWatchListStore, await portOfCall(callId), d.signOn.slice(from, to)) };
  },
);

const Checks = z.tuple([
  z.object({ reasons: z.array(RiskReason) }),
  z.object({ reasons: z.array(RiskReason) }),
  z.object({ reasons: z.array(RiskReason) }),
  z.array(z.object({ hits: z.array(RiskReason) })),
]);

/** Departure is strict: anything not clear goes to an officer, with the exact blocking items. */
export const assessDeparture = stepHandler(
  'assessDeparture',
  Ref.extend({ checks: Checks }),
  async ({ callId, version, round, checks }) => {
    const [persons, alerts, agencies, screening] = checks;
    const reasons = [...persons.reasons, ...alerts.reasons, ...agencies.reasons, ...screening.flatMap((b) => b.hits)];
    const call = await changeClearance(
      'departure',
      callId,
      version,
      (_fresh, clearance) => ({
        patch: { departure: { ...clearance, reasons, updatedAt: clock.now().toISOString() } },
        fact: {
          actor: systemActor('departure'),
          action: 'DEPARTURE_CHECKED',
          reason: reasons.length
            ? reasons.map((r) => `${r.code}${r.personRef ? ` ${r.personRef}` : ''}`).join(', ')
            : 'all clear',
        },
      }),
      round,
    );
    return { needsReview: reasons.length > 0, reviewTimeoutSeconds: departureReviewSeconds(call.etd, clock.now()) };
  },
);

const shared = sharedSteps({
  kind: 'departure',
  reviewTag: 'D',
  statuses: { review: 'IN_REVIEW', cleared: 'DEPARTURE_CLEARED', rejected: 'IN_PORT', amend: 'IN_PORT' },
  actions: { cleared: 'DEPARTURE_CLEARED', rejected: 'DEPARTURE_HELD', amend: 'DEPARTURE_AMENDMENT_REQUESTED' },
  events: {
    cleared: 'DepartureCleared',
    rejected: 'DepartureHeld',
    amend: 'DepartureAmendmentRequested',
    failed: 'DepartureClearanceFailed',
  },
  reviewSeconds: (call, now) => departureReviewSeconds(call.etd, now),
});

export const openDepartureReview = shared.openReview;
export const issueDeparturePermit = shared.issuePermit;
export const holdDeparture = shared.reject;
export const requestDepartureAmendment = shared.requestAmendment;
export const recordDepartureFailure = shared.recordFailure;
