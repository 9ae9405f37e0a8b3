// In-memory fakes of the ports (functions/wiring.ts): the use cases and workflow steps run on them
// in unit tests, with the same conditional semantics as the DynamoDB adapters where it matters
// (the call's version check, a review closed once, an alert raised once).
import type { AgentProfile } from '#agents/schema.ts';
import type { AgentStore } from '#agents/store.ts';
import type { Alert } from '#alerts/schema.ts';
import type { AlertStore } from '#alerts/store.ts';
import type { Call } from '#calls/schema.ts';
import type { CallStore, StoredCall } from '#calls/store.ts';
import type { DeclarationStore, Stored } from '#clearance/store.ts';
import type { PermitCode, PermitCodeStore } from '#permits/store.ts';
import type { ReviewStore, StoredReview } from '#review/store.ts';
import type { AuditEntry } from '#shared/audit.ts';
import { fixedClock } from '#shared/clock.ts';
import { ConflictError } from '#shared/errors.ts';
import type { DomainEvent, EventPublisher } from '#shared/events.ts';
import type { WorkflowClient } from '#shared/workflows.ts';
import type { StoredWatchEntry } from '#watchlist/schema.ts';
import type { WatchListStore } from '#watchlist/store.ts';

const copy = <T>(v: T): T => structuredClone(v);

export function memoryCalls(): CallStore & { trail: Map<string, AuditEntry[]>; failNextUpdate?: Error } {
  const calls = new Map<string, StoredCall>();
  const trail = new Map<string, AuditEntry[]>();
  const voyages = new Map<string, string>();
  const voyageOf = (c: Pick<Call, 'vessel' | 'voyage' | 'port'>) => `${c.vessel.imo}#${c.voyage}#${c.port}`;
  const store: CallStore & { trail: typeof trail; failNextUpdate?: Error } = {
    trail,
    async reserveVoyage(call, takeOverFrom) {
      const held = voyages.get(voyageOf(call));
      if (held && held !== call.callId && held !== takeOverFrom) return held;
      voyages.set(voyageOf(call), call.callId);
      return undefined;
    },
    async releaseVoyage(call) {
      if (voyages.get(voyageOf(call)) === call.callId) voyages.delete(voyageOf(call));
    },
    async create(call) {
      if (calls.has(call.callId)) throw new ConflictError('exists');
      calls.set(call.callId, copy(call));
      trail.set(call.callId, [call.lastAudit]);
    },
    async get(callId) {
      const call = calls.get(callId);
      return call && copy(call);
    },
    async list(scope) {
      const items = [...calls.values()].filter((c) =>
        'agentId' in scope ? c.agentId === scope.agentId : c.port === scope.port,
      );
      return { items: items.map(copy) };
    },
    async update(current, patch, audit) {
      if (store.failNextUpdate) {
        const error = store.failNextUpdate;
        store.failNextUpdate = undefined;
        throw error;
      }
      const stored = calls.get(current.callId);
      if (!stored || stored.version !== current.version)
        throw new ConflictError('The call was changed by someone else');
      const next: StoredCall = { ...stored, ...copy(patch), version: stored.version + 1, lastAudit: audit };
      calls.set(current.callId, next);
      trail.get(current.callId)!.push(audit);
      return copy(next);
    },
    async timeline(callId) {
      return copy(trail.get(callId) ?? []);
    },
    async inWindow(port, from, to) {
      return [...calls.values()].filter((c) => c.port === port && c.eta >= from && c.eta <= to).map(copy);
    },
  };
  return store;
}

export function memoryDeclarations<D>(): DeclarationStore<D> {
  const items = new Map<string, Stored<D>>();
  return {
    async put(stored) {
      items.set(`${stored.callId}#${stored.version}`, copy(stored));
    },
    async get(callId, version) {
      const s = items.get(`${callId}#${version}`);
      return s && copy(s);
    },
    async recent(callId, version) {
      return this.get(callId, version);
    },
  };
}

export function memoryReviews(): ReviewStore & { all: Map<string, StoredReview> } {
  const all = new Map<string, StoredReview>();
  return {
    all,
    async open(review) {
      const existing = all.get(review.reviewId);
      if (existing && existing.status !== 'OPEN') return { opened: false, closed: copy(existing) };
      all.set(review.reviewId, copy(review));
      return { opened: true };
    },
    async get(reviewId) {
      const r = all.get(reviewId);
      return r && copy(r);
    },
    async listOpen(port) {
      return { items: [...all.values()].filter((r) => r.port === port && r.status === 'OPEN').map(copy) };
    },
    async ofCall(callId) {
      return [...all.values()].filter((r) => r.callId === callId).map(copy);
    },
    async close(reviewId, change) {
      const r = all.get(reviewId);
      if (r?.status !== 'OPEN') return undefined;
      const closed = { ...r, ...change };
      all.set(reviewId, closed);
      return copy(closed);
    },
  };
}

export function memoryPermitCodes(): PermitCodeStore & { codes: Map<string, PermitCode> } {
  const codes = new Map<string, PermitCode>();
  return {
    codes,
    async register(code, permit) {
      codes.set(code, { callId: permit.callId, kind: permit.kind, version: permit.version, issuedAt: permit.issuedAt });
    },
    async byCode(code) {
      return codes.get(code);
    },
  };
}

export function memoryAgents(profiles: AgentProfile[] = []): AgentStore {
  // Trust is kept per agent and port, as the table keeps it.
  const all = new Map(profiles.map((p) => [`${p.agentId}@${p.port}`, p]));
  return {
    async get(agentId, port) {
      return all.get(`${agentId}@${port}`);
    },
    async put(profile) {
      all.set(`${profile.agentId}@${profile.port}`, profile);
    },
  };
}

export function memoryWatchList(entries: StoredWatchEntry[] = []): WatchListStore {
  // Each port's list of its own, as the table keeps them.
  const all = new Map(entries.map((e) => [`${e.port}@${e.key}`, e]));
  return {
    async put(more) {
      for (const e of more) all.set(`${e.port}@${e.key}`, e);
    },
    async lookup(port, wanted) {
      return wanted.flatMap((k) => (all.has(`${port}@${k}`) ? [all.get(`${port}@${k}`)!] : []));
    },
    async list(port) {
      return { items: [...all.values()].filter((e) => e.port === port) };
    },
  };
}

export function memoryAlerts(): AlertStore {
  const all = new Map<string, Alert>();
  return {
    async raise(alert) {
      if (all.has(alert.alertId)) return false;
      all.set(alert.alertId, copy(alert));
      return true;
    },
    async get(alertId) {
      return all.get(alertId);
    },
    async transition(alert, from) {
      if (all.get(alert.alertId)?.status !== from) throw new ConflictError('changed');
      all.set(alert.alertId, copy(alert));
    },
    async list(port, status) {
      return { items: [...all.values()].filter((a) => a.port === port && a.status === status) };
    },
    async ofCall(callId) {
      return [...all.values()].filter((a) => a.callId === callId);
    },
  };
}

export function recordingEvents(): EventPublisher & { published: DomainEvent[] } {
  const published: DomainEvent[] = [];
  return {
    published,
    async publish(events) {
      published.push(...events);
    },
  };
}

export function recordingWorkflows(): WorkflowClient & {
  started: { workflow: string; name: string; input: unknown }[];
  succeeded: { token: string; output: unknown }[];
} {
  const started: { workflow: string; name: string; input: unknown }[] = [];
  const succeeded: { token: string; output: unknown }[] = [];
  return {
    started,
    succeeded,
    async start(workflow, name, input) {
      started.push({ workflow, name, input });
      return { executionArn: `arn:local:${name}` };
    },
    async succeed(token, output) {
      succeeded.push({ token, output });
    },
    async fail() {},
  };
}

export const testClock = () => fixedClock('2026-12-01T08:00:00.000Z');
