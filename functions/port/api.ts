// The port overview for its officers: calls by status and the three-zeros figures, overall, per
// agent and per call, as JSON or as the CSV ranking a port publishes.
import { dynamoCallStore } from '#calls/store.ts';
import { publicView } from '#calls/service.ts';
import { clock } from '#shared/clock.ts';
import { config } from '#shared/config.ts';
import { ForbiddenError } from '#shared/errors.ts';
import { httpHandler } from '#shared/http.ts';
import { ok } from '#shared/responses.ts';
import { portRoutes as routes } from './routes.ts';
import { readCallFacts } from './facts.ts';
import { byAgent, callFigures, figures, toCsv } from './kpis.ts';

const DAY = 86_400_000;

export const portOverview = httpHandler(routes.portOverview).handler(async ({ path, query, principal }) => {
  if (principal.role === 'agent' || principal.role === 'device' || principal.port !== path.port) {
    throw new ForbiddenError(`Officers see the overview of their own port only`);
  }
  const now = clock.now();
  const from = query.from ?? new Date(now.getTime() - 30 * DAY).toISOString();
  const to = query.to ?? new Date(now.getTime() + 14 * DAY).toISOString();
  const calls = (await dynamoCallStore.inWindow(path.port, from, to)).map(publicView);
  const facts = await readCallFacts(calls);
  const ranking = byAgent(facts, now, config().RANKING_MIN_CALLS);
  if (query.format === 'csv') {
    return {
      statusCode: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${path.port}-clearance-${from.slice(0, 10)}-${to.slice(0, 10)}.csv"`,
      },
      body: toCsv(ranking),
    };
  }
  const countsByStatus: Record<string, number> = {};
  for (const call of calls) countsByStatus[call.status] = (countsByStatus[call.status] ?? 0) + 1;
  return ok({
    port: path.port,
    from,
    to,
    countsByStatus,
    figures: figures(facts, now),
    byAgent: ranking,
    calls: calls.map((c) => callFigures(c, now)),
  });
});
