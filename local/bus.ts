// The in-process event bus: what EventBridge is on AWS. Keeps the latest events for the
// dashboard's live view and lets subscribers follow new ones.
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';

export interface BusEvent {
  id: string;
  time: string;
  source: string;
  detailType: string;
  detail: Record<string, unknown>;
}

export class LocalEventBus {
  readonly #emitter = new EventEmitter();
  readonly #recent: BusEvent[] = [];

  readonly keep: number;
  constructor(keep = 500) {
    this.keep = keep;
    this.#emitter.setMaxListeners(0);
  }

  publish(entry: Omit<BusEvent, 'id' | 'time'>): BusEvent {
    const event: BusEvent = { id: randomUUID(), time: new Date().toISOString(), ...entry };
    this.#recent.push(event);
    if (this.#recent.length > this.keep) this.#recent.shift();
    this.#emitter.emit('event', event);
    return event;
  }

  recent(): readonly BusEvent[] {
    return this.#recent;
  }

  subscribe(listener: (event: BusEvent) => void): () => void {
    this.#emitter.on('event', listener);
    return () => this.#emitter.off('event', listener);
  }
}
