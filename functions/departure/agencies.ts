// Other agencies' clearances (customs, maritime safety, port dues…) behind one small interface,
// configured per port. A recorded check answers from what the agency (or an officer for it) put
// on record; an HTTP check asks the agency's own system.
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { StoredCall } from '#calls/store.ts';
import { documentClient, tableName } from '#shared/aws.ts';
import { keys } from '#shared/keys.ts';
import type { AgencyAnswer } from './schema.ts';

export interface AgencyVerdict {
  agency: string;
  clear: boolean;
  detail?: string;
}

export interface AgencyCheck {
  agency: string;
  check(call: StoredCall): Promise<AgencyVerdict>;
}

export interface RecordedAnswer extends AgencyAnswer {
  agency: string;
  recordedBy: string;
  recordedAt: string;
}

const answerKey = keys.agency;

export const agencyAnswers = {
  async put(callId: string, answer: RecordedAnswer): Promise<void> {
    await documentClient().send(
      new PutCommand({ TableName: tableName(), Item: { ...answerKey(callId, answer.agency), ...answer } }),
    );
  },
  async get(callId: string, agency: string): Promise<RecordedAnswer | undefined> {
    const out = await documentClient().send(
      new GetCommand({ TableName: tableName(), Key: answerKey(callId, agency), ConsistentRead: true }),
    );
    if (!out.Item) return undefined;
    const { pk: _pk, sk: _sk, ...answer } = out.Item;
    return answer as RecordedAnswer;
  },
};

/** Clear unless the agency has put a hold on record. */
export function recordedCheck(agency: string): AgencyCheck {
  return {
    agency,
    async check(call) {
      const answer = await agencyAnswers.get(call.callId, agency);
      return { agency, clear: answer?.status !== 'HOLD', ...(answer?.note && { detail: answer.note }) };
    },
  };
}

/** Asks `GET <url>?callId=&imo=&port=` and expects `{ "clear": boolean, "detail"?: string }`. */
export function httpCheck(agency: string, url: string): AgencyCheck {
  return {
    agency,
    async check(call) {
      const query = new URLSearchParams({ callId: call.callId, imo: call.vessel.imo, port: call.port });
      const res = await fetch(`${url}?${query}`, { signal: AbortSignal.timeout(5_000) });
      if (!res.ok) throw Object.assign(new Error(`${agency} answered ${res.status}`), { name: 'AgencyUnavailable' });
      const body = (await res.json()) as { clear?: unknown; detail?: unknown };
      if (typeof body.clear !== 'boolean')
        throw Object.assign(new Error(`${agency} gave no verdict`), { name: 'AgencyUnavailable' });
      return { agency, clear: body.clear, ...(typeof body.detail === 'string' && { detail: body.detail }) };
    },
  };
}

export const DEFAULT_AGENCIES = ['customs', 'maritime-safety', 'port-dues'];

/**
 * The checks for a port, from AGENCY_CHECKS: `{ "<port or *>": { "<agency>": "recorded" | "<url>" } }`.
 * Without it every port asks customs, maritime safety and port dues, each as a recorded check.
 */
export function agencyChecks(port: string, raw = process.env.AGENCY_CHECKS): AgencyCheck[] {
  const config = raw ? (JSON.parse(raw) as Record<string, Record<string, string>>) : {};
  const forPort = config[port] ?? config['*'] ?? Object.fromEntries(DEFAULT_AGENCIES.map((a) => [a, 'recorded']));
  return Object.entries(forPort).map(([agency, how]) =>
    how === 'recorded' ? recordedCheck(agency) : httpCheck(agency, how),
  );
}
