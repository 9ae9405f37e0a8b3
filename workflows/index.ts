// The workflow registry: every state machine the system runs and the step handler behind each
// placeholder of its definition. Both runtimes read this list.
import { fileURLToPath } from 'node:url';
import type { StepRef, WorkflowSpec } from './registry.ts';

const file = (name: string) => fileURLToPath(new URL(name, import.meta.url));
// Every step writes the call; the steps that change its state announce it on the bus, the checks
// before them do not; only the review steps answer a task themselves (a decision that arrived
// while no task was waiting).
const CHECKS: Partial<StepRef> = { events: false };
const arrivalStep = (name: string, rights: Partial<StepRef> = {}): StepRef => ({
  module: 'arrival/step-handlers.ts',
  export: name,
  events: true,
  ...rights,
});

export const arrivalClearance: WorkflowSpec = {
  name: 'arrival-clearance',
  definitionPath: file('arrival-clearance.asl.json'),
  steps: {
    LoadDeclarationFunction: arrivalStep('loadDeclaration', CHECKS),
    ScreenPersonsFunction: arrivalStep('screenPersons', { ...CHECKS, module: 'arrival/screening-handler.ts' }),
    CheckVesselFunction: arrivalStep('checkVessel', CHECKS),
    CheckHealthFunction: arrivalStep('checkHealth', CHECKS),
    AssessRiskFunction: arrivalStep('assessRisk', CHECKS),
    OpenReviewFunction: arrivalStep('openReview', { workflows: ['answer'] }),
    IssuePermitFunction: arrivalStep('issuePermit'),
    RejectArrivalFunction: arrivalStep('rejectArrival'),
    RequestAmendmentFunction: arrivalStep('requestAmendment'),
    RecordFailureFunction: arrivalStep('recordFailure'),
  },
};

const departureStep = (name: string, rights: Partial<StepRef> = {}): StepRef => ({
  module: 'departure/step-handlers.ts',
  export: name,
  events: true,
  ...rights,
});

export const departureClearance: WorkflowSpec = {
  name: 'departure-clearance',
  definitionPath: file('departure-clearance.asl.json'),
  steps: {
    LoadDepartureFunction: departureStep('loadDeparture', CHECKS),
    ReconcilePersonsFunction: departureStep('reconcilePersons', CHECKS),
    CheckOpenAlertsFunction: departureStep('checkOpenAlerts', CHECKS),
    AskAgenciesFunction: departureStep('askAgencies', CHECKS),
    ScreenSignOnsFunction: departureStep('screenSignOns', { ...CHECKS, module: 'departure/screening-handler.ts' }),
    AssessDepartureFunction: departureStep('assessDeparture', CHECKS),
    OpenDepartureReviewFunction: departureStep('openDepartureReview', { workflows: ['answer'] }),
    IssueDeparturePermitFunction: departureStep('issueDeparturePermit'),
    HoldDepartureFunction: departureStep('holdDeparture'),
    RequestDepartureAmendmentFunction: departureStep('requestDepartureAmendment'),
    RecordDepartureFailureFunction: departureStep('recordDepartureFailure'),
  },
};

export const workflows: readonly WorkflowSpec[] = [arrivalClearance, departureClearance];
