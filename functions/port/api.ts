// The port overview for its officers: calls by status and the three-zeros figures, overall, per
// agent, per day and for each call not yet closed, as JSON or as the CSV ranking a port publishes.
import { publicView } from '#calls/service.ts';
import { adapters } from '#functions/wiring.ts';
import { config } from '#shared/config.ts';
import { ForbiddenError } from '#shared/errors.ts';
import { httpHandler } from '#shared/http.ts';
import { ok } from '#shared/responses.ts';
import { portRoutes as routes } from './routes.ts';
import { OPEN_STATUSES, factsOf } from './closing.ts';
import { aggregate, byDay, callFigures, numbersOf, rankAgents, toCsv } from './kpis.ts';

const DAY = 86_400_000;
const { portDays, reviews, gangway, alerts, clock } = adapters;

export const portOverview = httpHandler(routes.portOverview).handler(async ({ path, query, principal }) => {
  if (principal.role === 'agent' || principal.role === 'device' || principal.port !== path.port) {
    throw new ForbiddenError(`Officers see the overview of their own port only`);
  }
  const now = clock.now();
  const from = query.from ?? new Date(now.getTime() - 30 * DAY).toISOString();
  const to = query.to ?? new Date(now.getTime() + 14 * DAY).toISOString();
  // Closed calls from the port-day read model (one query for the window), open ones live: the
  // cost follows the days shown and the ships about now, not the port's whole history.
  const [closed, open] = await Promise.all([
    portDays.closedInWindow(path.port, from, to),
    portDays.openInWindow(path.port, OPEN_STATUSES, from, to),
  ]);
  const calls = open.map(publicView);
  const live = await Promise.all(
    calls.map(async (call) => numbersOf(await factsOf({ reviews, gangway, alerts }, call), now)),
  );
  const numbers = [...closed, ...live];
  const ranking = rankAgents(numbers, config().RANKING_MIN_CALLS);
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
  for (const n of numbers) countsByStatus[n.status] = (countsByStatus[n.status] ?? 0) + 1;
  return ok({
    port: path.port,
    from,
    to,
    countsByStatus,
    figures: aggregate(numbers),
    byAgent: ranking,
    byDay: byDay(numbers),
    calls: calls.map((c) => callFigures(c, now)),
  });
});
