// The departure clearance workflow's steps: one-stop checks from data the system already holds —
// the gangway record, open alerts, other agencies, exit screening of everyone sailing. The ports come
// from the composition root; `departureSteps` binds them so tests can pass fakes. Screening is apart
// (screening-step.ts): only its function loads the watch list's name tables.
import * as z from 'zod';
import { RiskReason } from '#clearance/schema.ts';
import { type ClearancePorts, Ref, clearanceAccess, sharedSteps, systemActor } from '#clearance/steps.ts';
import type { Ports } from '#functions/wiring.ts';
import { stepHandler } from '#shared/steps.ts';
import { screeningBatches } from '#clearance/screening-batches.ts';
import { agencyChecks } from './agencies.ts';
import { departureReviewSeconds, reconcile } from './rules.ts';

export type DeparturePorts = ClearancePorts &
  Pick<Ports, 'arrivals' | 'departures' | 'gangway' | 'alerts' | 'watchList'> &
  Partial<Pick<Ports, 'persons'>>;

const Checks = z.tuple([
  z.object({ reasons: z.array(RiskReason) }),
  z.object({ reasons: z.array(RiskReason) }),
  z.object({ reasons: z.array(RiskReason) }),
  z.array(z.object({ hits: z.array(RiskReason) })),
]);

/** How a step reads its version's declaration and whom it screens. Shared with screening-step.ts. */
export function departureReads(ports: DeparturePorts, access: ReturnType<typeof clearanceAccess>) {
  async function declarationOf(callId: string, version: number) {
    const stored = await ports.departures.get(callId, version);
    if (!stored) throw new Error(`Departure declaration v${version} of ${callId} is missing`);
    return stored.declaration;
  }

  /**
   * Exit control: everyone sailing is screened against the watch list as it stands now — the crew
   * and passengers from the arrival lists, whatever they were found at arrival, those signing off
   * (they enter the country), and those signing on (only the ones an amendment changed, when it
   * changed only some).
   */
  async function signOnsToScreen(callId: string, version: number, round: number) {
    const call = await access.current(callId, version, round);
    const d = await declarationOf(callId, version);
    const only = call.departure?.screen && new Set(call.departure.screen);
    const signOn = only ? d.signOn.filter((p) => only.has(p.ref)) : d.signOn;
    const arrival = call.arrival && (await ports.arrivals.get(callId, call.arrival.version));
    // Those signing off enter the country: screened too, on the list as it stands today.
    const sailing = new Set([...d.sailing, ...d.signOff]);
    const staying = [...(arrival?.declaration.crew ?? []), ...(arrival?.declaration.passengers ?? [])].filter((p) =>
      sailing.has(p.ref),
    );
    return { port: call.port, signOn: [...staying, ...signOn] };
  }
  return { declarationOf, signOnsToScreen };
}

/** Every departure step but screening, which has a module of its own (screening-step.ts). */
export function departureSteps(ports: DeparturePorts) {
  const { clock } = ports;
  const access = clearanceAccess(ports, 'departure');

  const { declarationOf, signOnsToScreen } = departureReads(ports, access);

  const loadDeparture = stepHandler('loadDeparture', Ref, async ({ callId, version, round }) => {
    const { signOn } = await signOnsToScreen(callId, version, round);
    const batches = screeningBatches({ callId, version, round }, signOn.length);
    return { batches };
  });

  const reconcilePersons = stepHandler('reconcilePersons', Ref, async ({ callId, version, round }) => {
    await access.current(callId, version, round);
    const d = await declarationOf(callId, version);
    const [presenceList, sailWithout] = await Promise.all([
      ports.gangway.presence(callId),
      ports.persons ? ports.persons.sailWithout(callId) : [],
    ]);
    const recorded = new Map(presenceList.map((p) => [p.ref, p.state]));
    // Declared on arrival means on board until the gangway says otherwise; anyone else is unknown.
    const arrivalRefs = new Set([...d.sailing, ...d.signOff]);
    const presence = (ref: string) => recorded.get(ref) ?? (arrivalRefs.has(ref) ? 'ON_BOARD' : 'UNKNOWN');
    const everyone = new Set([...arrivalRefs, ...d.signOn.map((p) => p.ref), ...recorded.keys()]);
    const onBoardNow = [...everyone].filter((ref) => presence(ref) === 'ON_BOARD');
    // An officer who named someone as sailing without them has decided that one: it no longer blocks.
    const decided = new Set(sailWithout.map((s) => s.ref).filter((ref) => presence(ref) !== 'ON_BOARD'));
    const short = d.personsOnBoard - onBoardNow.length;
    return {
      reasons: reconcile(d, presence, onBoardNow).filter(
        (r) =>
          !(r.code === 'SAILING_PERSON_ASHORE' && r.personRef && decided.has(r.personRef)) &&
          !(r.code === 'COUNT_MISMATCH' && short > 0 && short === decided.size),
      ),
    };
  });

  const checkOpenAlerts = stepHandler('checkOpenAlerts', Ref, async ({ callId, version, round }) => {
    await access.current(callId, version, round);
    const open = (await ports.alerts.ofCall(callId)).filter((a) => a.status !== 'RESOLVED' && a.severity === 'HIGH');
    return {
      reasons: open.map((a) => ({
        code: 'UNRESOLVED_HIGH_ALERT',
        severity: 'MAJOR' as const,
        ...(a.personRef && { personRef: a.personRef }),
        detail: `${a.rule} alert ${a.alertId} is ${a.status.toLowerCase()}`,
      })),
    };
  });

  const askAgencies = stepHandler('askAgencies', Ref, async ({ callId, version, round }) => {
    const call = await access.current(callId, version, round);
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

  /** Departure is strict: anything not clear goes to an officer, with the exact blocking items. */
  const assessDeparture = stepHandler(
    'assessDeparture',
    Ref.extend({ checks: Checks }),
    async ({ callId, version, round, checks }) => {
      const [persons, alerts, agencies, screening] = checks;
      const at = clock.now().toISOString();
      let reasons: z.infer<typeof RiskReason>[] = [];
      const call = await access.change(
        callId,
        version,
        (_fresh, clearance) => {
          reasons = [
            ...persons.reasons,
            ...alerts.reasons,
            ...agencies.reasons,
            ...(clearance.carried ?? []),
            ...screening.flatMap((b) => b.hits),
          ];
          return {
            event: 'ASSESS_DEPARTURE',
            patch: { departure: { ...clearance, reasons, assessedAt: at, updatedAt: at } },
            fact: {
              actor: systemActor('departure'),
              action: 'DEPARTURE_CHECKED',
              reason: reasons.length
                ? reasons.map((r) => `${r.code}${r.personRef ? ` ${r.personRef}` : ''}`).join(', ')
                : 'all clear',
            },
          };
        },
        round,
      );
      return { needsReview: reasons.length > 0, reviewTimeoutSeconds: departureReviewSeconds(call.etd, clock.now()) };
    },
  );

  const shared = sharedSteps(
    {
      kind: 'departure',
      reviewTag: 'D',
      events: {
        review: 'OPEN_DEPARTURE_REVIEW',
        clear: 'CLEAR_DEPARTURE',
        reject: 'HOLD_DEPARTURE',
        amend: 'REQUEST_DEPARTURE_AMENDMENT',
        fail: 'RECORD_DEPARTURE_FAILURE',
      },
      actions: { cleared: 'DEPARTURE_CLEARED', rejected: 'DEPARTURE_HELD', amend: 'DEPARTURE_AMENDMENT_REQUESTED' },
      notices: {
        cleared: 'DepartureCleared',
        rejected: 'DepartureHeld',
        amend: 'DepartureAmendmentRequested',
        failed: 'DepartureClearanceFailed',
      },
      reviewSeconds: (call, now) => departureReviewSeconds(call.etd, now),
    },
    ports,
  );

  return {
    loadDeparture,
    reconcilePersons,
    checkOpenAlerts,
    askAgencies,
    assessDeparture,
    openDepartureReview: shared.openReview,
    issueDeparturePermit: shared.issuePermit,
    holdDeparture: shared.reject,
    requestDepartureAmendment: shared.requestAmendment,
    recordDepartureFailure: shared.recordFailure,
  };
}
