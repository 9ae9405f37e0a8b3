// Supervisors load and read the watch list.
import { clock } from '#shared/clock.ts';
import { httpHandler } from '#shared/http.ts';
import { ok } from '#shared/responses.ts';
import { watchListRoutes as routes } from './routes.ts';
import { entryKey } from './rules.ts';
import { dynamoWatchListStore as store } from './store.ts';

export const loadWatchList = httpHandler(routes.loadWatchList).handler(async ({ body, principal }) => {
  const loadedAt = clock.now().toISOString();
  await store.put(body.entries.map((entry) => ({ key: entryKey(entry), entry, loadedAt, loadedBy: principal.sub })));
  return ok({ loaded: body.entries.length });
});

export const listWatchList = httpHandler(routes.listWatchList).handler(async ({ query }) => {
  const page = await store.list(query.limit, query.nextToken);
  return ok({ items: page.items, ...(page.nextToken && { nextToken: page.nextToken }) });
});
