// GET /v1/ports/{port}/shift-board: everything an officer starting a shift needs, in one read, so
// the dashboard does not make one request per ship.
import type { Alert } from '#alerts/schema.ts';
import { publicView } from '#calls/service.ts';
import { personsOnCall } from '#gangway/service.ts';
import { publicReview } from '#review/store.ts';
import { adapters } from '#functions/wiring.ts';
import { config } from '#shared/config.ts';
import { ForbiddenError } from '#shared/errors.ts';
import { httpHandler } from '#shared/http.ts';
import { ok } from '#shared/responses.ts';
import { readCallFacts } from './facts.ts';
import { portRoutes as routes } from './routes.ts';
import { buildShiftBoard, isInPort } from './shift-board.ts';
import { portTimeZone } from './time-zone.ts';

const HOUR = 3_600_000;
/** How far back a ship still alongside may have arrived. */
const IN_PORT_LOOKBACK_DAYS = 60;

async function all<T>(page: (nextToken?: string) => Promise<{ items: T[]; nextToken?: string }>, max = 1_000) {
  const items: T[] = [];
  let nextToken: string | undefined;
  do {
    const next = await page(nextToken);
    items.push(...next.items);
    nextToken = next.nextToken;
  } while (nextToken && items.length < max);
  return items;
}

export const portShiftBoard = httpHandler(routes.portShiftBoard).handler(async ({ path, query, principal }) => {
  if (principal.role === 'agent' || principal.role === 'device' || principal.port !== path.port) {
    throw new ForbiddenError('Officers see the shift board of their own port only');
  }
  const now = adapters.clock.now();
  const from = new Date(now.getTime() - IN_PORT_LOOKBACK_DAYS * 24 * HOUR).toISOString();
  const to = new Date(now.getTime() + query.hours * HOUR).toISOString();
  const periodStart = now.getTime() - query.days * 24 * HOUR;
  const [calls, reviews, open, acknowledged] = await Promise.all([
    adapters.calls.inWindow(path.port, from, to).then((items) => items.map(publicView)),
    all((t) => adapters.reviews.listOpen(path.port, 100, t)),
    all<Alert>((t) => adapters.alerts.list(path.port, 'OPEN', 200, t)),
    all<Alert>((t) => adapters.alerts.list(path.port, 'ACKNOWLEDGED', 200, t)),
  ]);
  const shoreLeaveHours = config().SHORE_LEAVE_HOURS;
  const personDeps = { ...adapters, declarations: adapters.arrivals, settings: { shoreLeaveHours } };
  const persons = new Map(
    await Promise.all(
      calls
        .filter(isInPort)
        .map(async (c) => [c.callId, await personsOnCall(personDeps, principal, c.callId)] as const),
    ),
  );
  const facts = await readCallFacts(calls.filter((c) => Date.parse(c.eta) >= periodStart));
  return ok(
    buildShiftBoard({
      port: path.port,
      timeZone: portTimeZone(path.port),
      now,
      hours: query.hours,
      days: query.days,
      shoreLeaveHours,
      calls,
      reviews: reviews.map(publicReview),
      alerts: [...open, ...acknowledged],
      persons,
      facts,
    }),
  );
});
