// Webhook delivery in the embedded runtime: the same handler the SQS queue feeds on AWS, here
// subscribed to the in-process bus; a timer set for the next due retry stands in for the sweep's
// schedule, so a short backoff (from configuration) is honoured to the millisecond.
import type { LocalEventBus } from './bus.ts';

type Run = Promise<{ nextDueAt?: string }>;

export interface WebhookHandlers {
  onBusEvent(event: { id: string; time: string; detailType: string; detail: Record<string, unknown> }): Run;
  retryDeliveries(): Run;
}

export function deliverWebhooks(bus: LocalEventBus, handlers: WebhookHandlers): () => void {
  let timer: NodeJS.Timeout | undefined;
  let armedFor = Number.POSITIVE_INFINITY;
  let stopped = false;

  const arm = (nextDueAt: string | undefined) => {
    if (stopped || !nextDueAt) return;
    const at = Date.parse(nextDueAt);
    if (at >= armedFor) return;
    clearTimeout(timer);
    armedFor = at;
    timer = setTimeout(sweep, Math.max(0, at - Date.now()));
    timer.unref();
  };
  const settle = (run: Run) => run.then((r) => arm(r.nextDueAt)).catch(() => undefined);
  function sweep() {
    armedFor = Number.POSITIVE_INFINITY;
    void settle(handlers.retryDeliveries());
  }

  const unsubscribe = bus.subscribe((event) => void settle(handlers.onBusEvent(event)));
  return () => {
    stopped = true;
    clearTimeout(timer);
    unsubscribe();
  };
}
