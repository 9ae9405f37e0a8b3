// The port overview for its officers: calls by status and the three-zeros figures, overall, per
// agent, per day and for each call not yet closed, as JSON or as the CSV ranking a port publishes.
import { publicView } from '#calls/service.ts';
import { adapters } from '#functions/wiring.ts';
import { config } from '#shared/config.ts';
import { ForbiddenError, ValidationError } from '#shared/errors.ts';
import { httpHandler } from '#shared/http.ts';
import { ok } from '#shared/responses.ts';
import { portRoutes as routes } from './routes.ts';
import { OPEN_STATUSES, factsOf } from './closing.ts';
import { byDay, callFigures, numbersOf, rankAgents, toCsv } from './kpis.ts';
import { type Tally, emptyTally, figuresOf, merge, tallyBy } from './tally.ts';

const DAY = 86_400_000;
const { portDays, reviews, gangway, alerts, clock } = adapters;

export const portOverview = httpHandler(routes.portOverview).handler(async ({ path, query, principal }) => {
  if (principal.role === 'agent' || principal.role === 'device' || principal.port !== path.port) {
    throw new ForbiddenError(`Officers see the overview of their own port only`);
  }
  const now = clock.now();
  const from = query.from ?? new Date(now.getTime() - 30 * DAY).toISOString();
  const to = query.to ?? new Date(now.getTime() + 14 * DAY).toISOString();
  if (from > to) {
    throw new ValidationError('The request is not valid', [
      query.to
        ? {
            path: 'query.to',
            message: query.from
              ? 'is before from: the window must not end before it starts'
              : 'is before the default start of the window (30 days ago): give from as well',
          }
        : { path: 'query.from', message: 'is after the default end of the window (14 days ahead): give to as well' },
    ]);
  }
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
  // A tally per agent and per day: the stored days' and the open calls' own, merged.
  const agents = new Map<string, Tally>();
  const days = new Map<string, Tally>();
  const add = (into: Map<string, Tally>, key: string, t: Tally) =>
    into.set(key, merge(into.get(key) ?? emptyTally(), t));
  for (const [day, byAgent] of closed)
    for (const [agentId, t] of Object.entries(byAgent)) {
      add(agents, agentId, t);
      add(days, day, t);
    }
  for (const [agentId, t] of tallyBy(live, (c) => c.agentId)) add(agents, agentId, t);
  for (const [day, t] of tallyBy(live, (c) => c.eta.slice(0, 10))) add(days, day, t);
  const total = [...agents.values()].reduce(merge, emptyTally());
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
