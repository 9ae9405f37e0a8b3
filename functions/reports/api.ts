// HTTP handlers for the quarterly clearance-time report: officers see it whole, the public the
// top agents' overall clearance time.
import type { Call } from '#calls/schema.ts';
import { publicView } from '#calls/service.ts';
import { adapters } from '#functions/wiring.ts';
import { config } from '#shared/config.ts';
import { ForbiddenError } from '#shared/errors.ts';
import { httpHandler } from '#shared/http.ts';
import { ok } from '#shared/responses.ts';
import { clearanceReport, publicCsv, publicPage, publicReport, quarterBounds } from './clearance-times.ts';
import { reportRoutes as routes } from './routes.ts';

async function report(quarter: string, ports: readonly string[]) {
  const { from, to } = quarterBounds(quarter);
  // The window's end is exclusive: the first instant of the next quarter belongs to that one.
  const last = new Date(Date.parse(to) - 1).toISOString();
  const callsByPort = new Map<string, Call[]>();
  for (const port of ports) {
    callsByPort.set(port, (await adapters.calls.inWindow(port, from, last)).map(publicView));
  }
  return clearanceReport(quarter, callsByPort, config().RANKING_MIN_CALLS);
}

export const clearanceTimes = httpHandler(routes.clearanceTimes).handler(async ({ query, principal }) => {
  if (principal.role === 'agent' || principal.role === 'device') throw new ForbiddenError('For officers');
  const ports = [...new Set([principal.port, ...config().REPORT_PORTS])];
  return ok(await report(query.quarter, ports));
});

export const publicClearanceTimes = httpHandler(routes.publicClearanceTimes).handler(async ({ query }) => {
  const published = publicReport(await report(query.quarter, config().REPORT_PORTS));
  if (query.format === 'json') return ok(published);
  const csv = query.format === 'csv';
  return {
    statusCode: 200,
    headers: {
      'content-type': csv ? 'text/csv; charset=utf-8' : 'text/html; charset=utf-8',
      'cache-control': 'public, max-age=300',
      ...(csv && { 'content-disposition': `attachment; filename="clearance-times-${query.quarter}.csv"` }),
    },
    body: csv ? publicCsv(published) : publicPage(published),
  };
});
