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
import { byDay, callFigures, numbersOf, rankAgents, toCsv } from './kpis.ts';
import { figuresOf, windowTallies } from './tally.ts';
import { overviewWindow } from './window.ts';

const { portDays, reviews, gangway, alerts, clock } = adapters;

export const portOverview = httpHandler(routes.portOverview).handler(async ({ path, query, principal }) => {
  if (principal.role === 'agent' || principal.role === 'device' || principal.port !== path.port) {
    throw new ForbiddenError(`Officers see the overview of their own port only`);
  }
  const now = clock.now();
  const { from, to } = overviewWindow(query, now);
  // Closed calls from the port-day read model (a tally a day), open ones live: the cost follows
  // the days shown and the ships about now, not the calls the port has had.
  const [closed, open] = await Promise.all([
    portDays.closedInWindow(path.port, from, to),
    portDays.openInWindow(path.port, OPEN_STATUSES, from, to),
  ]);
  const calls = open.map(publicView);
  const live = await Promise.all(
    calls.map(async (call) => numbersOf(await factsOf({ reviews, gangway, alerts }, call), now)),
  );
  const { total, agents, days } = windowTallies(closed, live);
  const ranking = rankAgents(agents, config().RANKING_MIN_CALLS);
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
  return ok({
    port: path.port,
    from,
    to,
    countsByStatus: total.byStatus,
    figures: figuresOf(total),
    byAgent: ranking,
    byDay: byDay(days),
    calls: calls.map((c) => callFigures(c, now)),
  });
});
