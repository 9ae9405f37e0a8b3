// Supervisors load and read their port's watch list.
import { dynamoAuditStore } from '#functions/audit/store.ts';
import { recordPortChange } from '#functions/audit/port-changes.ts';
import { clock } from '#shared/clock.ts';
import type { Principal } from '#shared/auth.ts';
import { ForbiddenError } from '#shared/errors.ts';
import { httpHandler } from '#shared/http.ts';
import { ok } from '#shared/responses.ts';
import { watchListRoutes as routes } from './routes.ts';
import { entryKey } from './rules.ts';
import { dynamoWatchListStore as store } from './store.ts';

const portOf = (principal: Principal) => {
  if (principal.role !== 'supervisor') throw new ForbiddenError('Supervisors keep the watch list');
  return principal.port;
};

export const loadWatchList = httpHandler(routes.loadWatchList).handler(async ({ body, principal }) => {
  const loadedAt = clock.now().toISOString();
  const port = portOf(principal);
  await store.put(
    body.entries.map((entry) => ({ port, key: entryKey(entry), entry, loadedAt, loadedBy: principal.sub })),
  );
  const kinds = Object.entries(Object.groupBy(body.entries, (e) => e.kind)).map(([k, v]) => `${v!.length} ${k}`);
  await recordPortChange({ audit: dynamoAuditStore, clock }, 'WATCHLIST', {
    actor: { role: principal.role === 'supervisor' ? 'supervisor' : 'officer', id: principal.sub },
    action: 'WATCHLIST_LOADED',
    subject: `${body.entries.length} entries (${kinds.join(', ')}) for ${port}`,
    reason: body.reason ?? [...new Set(body.entries.map((e) => e.reason))].join('; ').slice(0, 500),
  });
  return ok({ loaded: body.entries.length });
});

export const listWatchList = httpHandler(routes.listWatchList).handler(async ({ query, principal }) => {
  const page = await store.list(portOf(principal), query.limit, query.nextToken);
  return ok({ items: page.items, ...(page.nextToken && { nextToken: page.nextToken }) });
});
