// Other agencies' clearances (customs incl. quarantine, maritime safety, …) behind one small
// interface; which agencies a port has is configuration (functions/agencies/config.ts). A recorded
// check answers from what the agency (or an officer for it) put on record; an HTTP check asks the
// agency's own system.
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { portAgencies } from '#functions/agencies/config.ts';
import type { Agency } from '#functions/agencies/schema.ts';
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

export interface AgencyAnswerStore {
  put(callId: string, answer: RecordedAnswer): Promise<void>;
  get(callId: string, agency: string): Promise<RecordedAnswer | undefined>;
  /** Every agency's latest answer for the call. */
  ofCall(callId: string): Promise<RecordedAnswer[]>;
}

const strip = ({ pk: _pk, sk: _sk, ...answer }: Record<string, unknown>) => answer as unknown as RecordedAnswer;

export const agencyAnswers: AgencyAnswerStore = {
  async put(callId, answer) {
    await documentClient().send(
      new PutCommand({ TableName: tableName(), Item: { ...keys.agency(callId, answer.agency), ...answer } }),
    );
  },
  async get(callId, agency) {
    const out = await documentClient().send(
      new GetCommand({ TableName: tableName(), Key: keys.agency(callId, agency), ConsistentRead: true }),
    );
    return out.Item ? strip(out.Item) : undefined;
  },
  async ofCall(callId) {
    const out = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :agency)',
        ExpressionAttributeValues: { ':pk': keys.callPartition(callId), ':agency': keys.agencyPrefix },
        ConsistentRead: true,
      }),
    );
    return (out.Items ?? []).map(strip);
  },
};

/** The configured agencies of the call's port whose latest answer is HOLD: they hold its departure. */
export async function holdsOn(
  answers: Pick<AgencyAnswerStore, 'ofCall'>,
  call: Pick<StoredCall, 'callId' | 'port'>,
  raw = process.env.AGENCY_CHECKS,
): Promise<RecordedAnswer[]> {
  const configured = new Set(portAgencies(call.port, raw).map((a) => a.agency));
  return (await answers.ofCall(call.callId)).filter((a) => a.status === 'HOLD' && configured.has(a.agency));
}

/** Clear unless the agency has put a hold on record. */
export function recordedCheck(agency: string, answers: Pick<AgencyAnswerStore, 'get'> = agencyAnswers): AgencyCheck {
  return {
    agency,
    async check(call) {
      const answer = await answers.get(call.callId, agency);
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

/** The ids of the default agencies (customs incl. quarantine, maritime safety). */
export const DEFAULT_AGENCIES = portAgencies('*', undefined).map((a) => a.agency);

const checkOf = (a: Agency, answers: Pick<AgencyAnswerStore, 'get'>) =>
  a.check === 'recorded' ? recordedCheck(a.agency, answers) : httpCheck(a.agency, a.check);

/**
 * The checks for a port, from AGENCY_CHECKS (see functions/agencies/schema.ts). Without it every
 * port asks customs (incl. quarantine) and maritime safety, each as a recorded check.
 */
export function agencyChecks(
  port: string,
  raw = process.env.AGENCY_CHECKS,
  answers: Pick<AgencyAnswerStore, 'get'> = agencyAnswers,
): AgencyCheck[] {
  return portAgencies(port, raw).map((a) => checkOf(a, answers));
}
