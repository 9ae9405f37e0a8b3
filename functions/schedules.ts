// Jobs that run on a timer: EventBridge schedules on AWS, intervals in the embedded runtime.
import type { DeclaredRights } from './shared/grants.ts';

export interface Schedule extends DeclaredRights {
  name: string;
  /** Module under functions/ and its exported handler. */
  module: string;
  export: string;
  everyMinutes: number;
}

export const schedules: readonly Schedule[] = [
  { name: 'shore-leave-sweep', module: 'gangway/api.ts', export: 'shoreLeaveSweep', everyMinutes: 5, events: true },
];
