// What the portal asks the API beyond JSON in and out: every page of the agent's calls, a
// spreadsheet sent as it is, a permit's PDF, and the previous voyage of the same ship.
import type { ArrivalDeclaration } from '../../../functions/arrival/schema.ts';
import type { PersonsImport } from '../../../functions/imports/schema.ts';
import { ApiError, api, currentConfig, loadSession, saveSession } from '../api';
import type { AgentCall } from './status';

export async function allCalls(): Promise<AgentCall[]> {
  const calls: AgentCall[] = [];
  let next: string | undefined;
  do {
    const page = await api<{ items: AgentCall[]; nextToken?: string }>(
      'GET',
      `/v1/calls?limit=100${next ? `&nextToken=${encodeURIComponent(next)}` : ''}`,
    );
    calls.push(...page.items);
    next = page.nextToken;
  } while (next);
  return calls;
}

async function raw(path: string, init: RequestInit): Promise<Response> {
  const session = loadSession();
  const res = await fetch(`${currentConfig().apiUrl}${path}`, {
    ...init,
    headers: {
      ...init.headers,
      ...(session && { authorization: `Bearer ${session.token}` }),
      'accept-language': localStorage.getItem('three-zeros-lang') ?? 'en',
    },
  });
  if (!res.ok) {
    if (res.status === 401 && session) {
      // As for every other request: a refused token sends the agent back to the sign-in.
      saveSession(undefined);
      location.reload();
    }
    const body = await res.json().catch(() => undefined);
    // The envelope's message, or API Gateway's own (its authoriser's 401) outside it.
    const message = body?.error?.message ?? body?.message ?? res.statusText;
    throw new ApiError(res.status, message, body?.error?.details ?? []);
  }
  return res;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The media type the import expects: browsers leave `File.type` empty for some files. */
export function spreadsheetType(file: File): string {
  if (/\.csv$/i.test(file.name)) return 'text/csv';
  if (/\.xlsx$/i.test(file.name)) return XLSX;
  return file.type || 'application/octet-stream';
}

/** Reads a crew or passenger list; the API stores nothing. */
export async function importPersons(file: File): Promise<PersonsImport> {
  const res = await raw('/v1/imports/persons', {
    method: 'POST',
    headers: { 'content-type': spreadsheetType(file) },
    body: file,
  });
  return (await res.json()) as PersonsImport;
}

/** Saves the permit's PDF under a name that says which call and kind it is. */
export async function downloadPermit(call: AgentCall, kind: 'arrival' | 'departure') {
  const res = await raw(`/v1/calls/${call.callId}/permits/${kind}/pdf`, { method: 'GET' });
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `permit-${kind}-${call.vessel.name.replace(/[^A-Za-z0-9]+/g, '-')}-${call.callId}.pdf`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export interface StoredArrival {
  version: number;
  declaration: ArrivalDeclaration;
}

/** The newest arrival declaration of a call, or undefined when it has none (or it was reduced). */
export async function arrivalOf(callId: string): Promise<StoredArrival | undefined> {
  try {
    const read = await api<StoredArrival & { reducedAt?: string }>('GET', `/v1/calls/${callId}/arrival`);
    return read.reducedAt ? undefined : read;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return undefined;
    throw error;
  }
}

/** The agent's newest other call of the same ship that has an arrival declaration. */
export async function previousVoyage(call: AgentCall): Promise<{ voyage: string; stored: StoredArrival } | undefined> {
  const earlier = (await allCalls())
    .filter((c) => c.vessel.imo === call.vessel.imo && c.callId !== call.callId && c.arrival)
    .sort((a, b) => b.eta.localeCompare(a.eta));
  for (const c of earlier) {
    const stored = await arrivalOf(c.callId);
    if (stored) return { voyage: c.voyage, stored };
  }
  return undefined;
}
