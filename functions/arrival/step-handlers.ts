// The arrival steps bound to the deployed adapters: what the workflow registry names.
import { adapters } from '#functions/wiring.ts';
import { arrivalSteps } from './steps.ts';

export const {
  loadDeclaration,
  checkVessel,
  checkHealth,
  assessRisk,
  openReview,
  issuePermit,
  rejectArrival,
  requestAmendment,
  recordFailure,
} = arrivalSteps(adapters);
