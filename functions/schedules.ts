// Jobs that run on a timer: EventBridge schedules on AWS, intervals in the embedded runtime.
export interface Schedule {
  name: string;
  /** Module under functions/ and its exported handler. */
  module: string;
  export: string;
  everyMinutes: number;
  /** Signs with the audit key (KMS Sign on AWS). */
  auditKey?: 'sign';
}

export const schedules: readonly Schedule[] = [
  { name: 'shore-leave-sweep', module: 'gangway/api.ts', export: 'shoreLeaveSweep', everyMinutes: 5 },
  {
    name: 'audit-daily-root',
    module: 'audit/api.ts',
    export: 'publishDailyRoot',
    everyMinutes: 60,
    auditKey: 'sign',
  },
  { name: 'declaration-reduction', module: 'persons/api.ts', export: 'reduceSailedDeclarations', everyMinutes: 1_440 },
  // Webhook retries wait seconds to hours; the sweep sends the ones that are due.
  { name: 'webhook-retries', module: 'webhooks/api.ts', export: 'retryDeliveries', everyMinutes: 1 },
];
