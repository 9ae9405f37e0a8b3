// The quarterly clearance-time figures, pure: only confirmed times count (ATA and ATD confirmed by
// an officer or the port feed), a call is measured only when both clearances and both times are
// in, and agents are ranked only over enough measured calls.
//   waiting = max(0, arrival cleared − confirmed ATA)   delay = max(0, departure cleared − ETD)
//   overall clearance time = waiting + delay
import type { Call } from '#calls/schema.ts';
import { confirmedTime } from '#calls/times-of-record.ts';
import { mean, median, roundTo } from '#shared/numbers.ts';
import { rankAscending } from './ranking.ts';
import type { ClearanceReport, ClearanceSummary, PublicAgentRow, PublicClearanceReport } from './schema.ts';

const MINUTE = 60_000;

/** The quarter's bounds, UTC: `2026Q4` → [2026-10-01, 2027-01-01). */
export function quarterBounds(quarter: string): { from: string; to: string } {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(5));
  const from = new Date(Date.UTC(year, (q - 1) * 3, 1));
  const to = new Date(Date.UTC(year, q * 3, 1));
  return { from: from.toISOString(), to: to.toISOString() };
}

export interface Measured {
  waitingMinutes: number;
  delayMinutes: number;
  clearanceMinutes: number;
  confirmedBy: 'OFFICER' | 'PORT_FEED';
}

/** The call's measured clearance time, or null when any part of it is unconfirmed or missing. */
export function measure(call: Call): Measured | null {
  const ata = confirmedTime(call.ataRecord);
  const atd = confirmedTime(call.atdRecord);
  const arrivalCleared = call.arrival?.clearedAt;
  const departureCleared = call.departure?.clearedAt;
  if (!ata || !atd || !arrivalCleared || !departureCleared) return null;
  const waitingMinutes = Math.max(0, (Date.parse(arrivalCleared) - Date.parse(ata)) / MINUTE);
  const delayMinutes = Math.max(0, (Date.parse(departureCleared) - Date.parse(call.etd)) / MINUTE);
  // The weaker source names the figure: a port feed's times are not an officer's.
  const sources = [call.ataRecord!.source, call.atdRecord!.source];
  return {
    waitingMinutes,
    delayMinutes,
    clearanceMinutes: waitingMinutes + delayMinutes,
    confirmedBy: sources.includes('PORT_FEED') ? 'PORT_FEED' : 'OFFICER',
  };
}

export function summarise(calls: readonly Call[]): ClearanceSummary {
  const measured = calls.map(measure).filter((m): m is Measured => m !== null);
  const clearance = measured.map((m) => m.clearanceMinutes);
  return {
    calls: calls.length,
    measuredCalls: measured.length,
    meanClearanceMinutes: roundTo(mean(clearance)),
    medianClearanceMinutes: roundTo(median(clearance)),
    meanWaitingMinutes: roundTo(mean(measured.map((m) => m.waitingMinutes))),
    meanDelayMinutes: roundTo(mean(measured.map((m) => m.delayMinutes))),
    confirmedBy: {
      OFFICER: measured.filter((m) => m.confirmedBy === 'OFFICER').length,
      PORT_FEED: measured.filter((m) => m.confirmedBy === 'PORT_FEED').length,
    },
  };
}

/** The officers' report: per port, across ports, and every agent ranked or said why not. */
export function clearanceReport(
  quarter: string,
  callsByPort: ReadonlyMap<string, readonly Call[]>,
  minMeasuredCalls: number,
): ClearanceReport {
  const all = [...callsByPort.values()].flat();
  const byAgent = new Map<string, Call[]>();
  for (const call of all) byAgent.set(call.agentId, [...(byAgent.get(call.agentId) ?? []), call]);
  const agents = [...byAgent].map(([agentId, calls]) => ({ agentId, ...summarise(calls) }));
  return {
    quarter,
    ...quarterBounds(quarter),
    minMeasuredCalls,
    ports: [...callsByPort].map(([port, calls]) => ({ port, ...summarise(calls) })),
    allPorts: summarise(all),
    agents: rankAscending(
      agents,
      (a) => a.meanClearanceMinutes,
      (a) => a.measuredCalls,
      minMeasuredCalls,
      (a) => a.agentId,
    ),
  };
}

/** What the port publishes: the top `limit` ranked agents' overall clearance time, nothing personal. */
export function publicReport(report: ClearanceReport, limit = 100): PublicClearanceReport {
  const agents: PublicAgentRow[] = report.agents
    .filter((a) => a.rank !== null && a.rank <= limit)
    .slice(0, limit)
    .map((a) => ({
      rank: a.rank!,
      tied: a.tied,
      agentId: a.agentId,
      measuredCalls: a.measuredCalls,
      meanClearanceMinutes: a.meanClearanceMinutes!,
      medianClearanceMinutes: a.medianClearanceMinutes!,
    }));
  return {
    quarter: report.quarter,
    ports: report.ports.map((p) => p.port),
    minMeasuredCalls: report.minMeasuredCalls,
    agents,
  };
}

const COLUMNS = ['rank', 'tied', 'agentId', 'measuredCalls', 'meanClearanceMinutes', 'medianClearanceMinutes'] as const;

const csvCell = (v: unknown) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

export function publicCsv(report: PublicClearanceReport): string {
  const rows = report.agents.map((a) => COLUMNS.map((c) => csvCell(a[c])).join(','));
  return `${[COLUMNS.join(','), ...rows].join('\n')}\n`;
}

const html = (v: unknown) =>
  String(v).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The public page: a plain table, readable without the dashboard or JavaScript. */
export function publicPage(report: PublicClearanceReport): string {
  const rows = report.agents
    .map(
      (a) =>
        `<tr><td>${a.rank}${a.tied ? ' (tie)' : ''}</td><td>${html(a.agentId)}</td><td>${a.measuredCalls}</td><td>${a.meanClearanceMinutes}</td><td>${a.medianClearanceMinutes}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Clearance times ${html(report.quarter)}</title></head>
<body>
<h1>Overall clearance time of shipping agents, ${html(report.quarter)}</h1>
<p>Ports: ${report.ports.map(html).join(', ')}. Waiting on arrival plus delay on departure, in minutes, from times
confirmed by a border officer or the port feed. Agents with fewer than ${report.minMeasuredCalls} measured calls are
not ranked; equal means share a rank.</p>
<table>
<thead><tr><th>Rank</th><th>Agent</th><th>Measured calls</th><th>Mean minutes</th><th>Median minutes</th></tr></thead>
<tbody>
${rows || '<tr><td colspan="5">No agent has enough measured calls this quarter.</td></tr>'}
</tbody>
</table>
</body></html>
`;
}
