// The arrival's screening step bound to the deployed adapters: what the workflow registry names.
import { adapters } from '#functions/wiring.ts';
import { arrivalScreening } from './screening-step.ts';

export const { screenPersons } = arrivalScreening(adapters);
