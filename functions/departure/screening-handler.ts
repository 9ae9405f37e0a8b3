// The departure's screening step bound to the deployed adapters: what the workflow registry names.
import { adapters } from '#functions/wiring.ts';
import { departureScreening } from './screening-step.ts';

export const { screenSignOns } = departureScreening(adapters);
