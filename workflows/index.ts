// The workflow registry: every state machine the system runs and the step handler behind each
// placeholder of its definition. Both runtimes read this list.
import { fileURLToPath } from 'node:url';
import type { StepRef, WorkflowSpec } from './registry.ts';

const file = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const arrivalStep = (name: string): StepRef => ({ module: 'arrival/step-handlers.ts', export: name });

export const arrivalClearance: WorkflowSpec = {
  name: 'arrival-clearance',
  definitionPath: file('arrival-clearance.asl.json'),
  steps: {
    LoadDeclarationFunction: arrivalStep('loadDeclaration'),
    ScreenPersonsFunction: arrivalStep('screenPersons'),
    CheckVesselFunction: arrivalStep('checkVessel'),
    CheckHealthFunction: arrivalStep('checkHealth'),
    AssessRiskFunction: arrivalStep('assessRisk'),
    OpenReviewFunction: arrivalStep('openReview'),
    IssuePermitFunction: arrivalStep('issuePermit'),
    RejectArrivalFunction: arrivalStep('rejectArrival'),
    RequestAmendmentFunction: arrivalStep('requestAmendment'),
    RecordFailureFunction: arrivalStep('recordFailure'),
  },
};

const departureStep = (name: string): StepRef => ({ module: 'departure/step-handlers.ts', export: name });

export const departureClearance: WorkflowSpec = {
  name: 'departure-clearance',
  definitionPath: file('departure-clearance.asl.json'),
  steps: {
    LoadDepartureFunction: departureStep('loadDeparture'),
    ReconcilePersonsFunction: departureStep('reconcilePersons'),
    CheckOpenAlertsFunction: departureStep('checkOpenAlerts'),
    AskAgenciesFunction: departureStep('askAgencies'),
    ScreenSignOnsFunction: departureStep('screenSignOns'),
    AssessDepartureFunction: departureStep('assessDeparture'),
    OpenDepartureReviewFunction: departureStep('openDepartureReview'),
    IssueDeparturePermitFunction: departureStep('issueDeparturePermit'),
    HoldDepartureFunction: departureStep('holdDeparture'),
    RequestDepartureAmendmentFunction: departureStep('requestDepartureAmendment'),
    RecordDepartureFailureFunction: departureStep('recordDepartureFailure'),
  },
};

export const workflows: readonly WorkflowSpec[] = [arrivalClearance, departureClearance];
