// The routes of the watch list (what a route holds: functions/shared/route.ts).
import { defineRoutes } from '#shared/route.ts';
import { WatchListLoad, WatchListLoaded, WatchListPage, WatchListQuery } from './schema.ts';

export const watchListRoutes = defineRoutes({
  loadWatchList: {
    method: 'PUT',
    path: '/v1/watchlist',
    module: 'watchlist/api.ts',
    roles: ['supervisor'],
    summary:
      "Load entries into the supervisor's port's watch list (documents, persons, vessels, flags); loading an entry again replaces it",
    body: WatchListLoad,
    responses: { 200: WatchListLoaded },
    errors: [400, 401, 403, 422],
  },
  listWatchList: {
    method: 'GET',
    path: '/v1/watchlist',
    module: 'watchlist/api.ts',
    roles: ['supervisor'],
    summary: "The supervisor's port's watch list, paginated",
    query: WatchListQuery,
    responses: { 200: WatchListPage },
    errors: [400, 401, 403],
  },
});
