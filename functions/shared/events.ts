// Domain events out to the bus (EventBridge on AWS, the in-process bus locally, same API).
import { eventBridgeClient } from './aws.ts';
import { config } from './config.ts';

export const EVENT_SOURCE = 'three-zeros';

export interface DomainEvent {
  type: string;
  callId?: string;
  port?: string;
  detail: Record<string, unknown>;
}

export interface EventPublisher {
  publish(events: DomainEvent[]): Promise<void>;
}

// Loaded on first use (most handlers never publish); resolved once, not on every publish.
let eventBridge: Promise<typeof import('@aws-sdk/client-eventbridge')> | undefined;

export const eventBridgePublisher: EventPublisher = {
  async publish(events) {
    // PutEvents takes at most 10 entries per call.
    for (let i = 0; i < events.length; i += 10) {
      const batch = events.slice(i, i + 10);
      const { PutEventsCommand } = await (eventBridge ??= import('@aws-sdk/client-eventbridge'));
      const out = await (await eventBridgeClient()).send(
        new PutEventsCommand({
          Entries: batch.map((e) => ({
            EventBusName: config().EVENT_BUS_NAME,
            Source: EVENT_SOURCE,
            DetailType: e.type,
            Detail: JSON.stringify({ callId: e.callId, port: e.port, ...e.detail }),
          })),
        }),
      );
      if (out.FailedEntryCount) throw new Error(`${out.FailedEntryCount} events were not accepted by the bus`);
    }
  },
};
