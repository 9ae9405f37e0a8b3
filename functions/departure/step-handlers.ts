// The departure steps bound to the deployed adapters: what the workflow registry names.
import { adapters } from '#functions/wiring.ts';
import { departureSteps } from './steps.ts';

export const {
  loadDeparture,
  reconcilePersons,
  checkOpenAlerts,
  askAgencies,
  assessDeparture,
  openDepartureReview,
  issueDeparturePermit,
  holdDeparture,
  requestDepartureAmendment,
  recordDepartureFailure,
} = departureSteps(adapters);
