// Jobs that run on a timer: EventBridge schedules on AWS, intervals in the embedded runtime.
export interface Schedule {
  name: string;
  /** Module under functions/ and its exported handler. */
  module: string;
  export: string;
  everyMinutes: number;
}

export const schedules: readonly Schedule[] = [
  { name: 'shore-leave-sweep', module: 'gangway/api.ts', export: 'shoreLeaveSweep', everyMinutes: 5 },
  // Webhook retries wait seconds to hours; the sweep sends the ones that are due.
  { name: 'webhook-retries', module: 'webhooks/api.ts', export: 'retryDeliveries', everyMinutes: 1 },
];
