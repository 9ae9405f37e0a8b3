// The routes of the port's overview and KPIs (what a route holds: functions/shared/route.ts).
import { defineRoutes } from '#shared/route.ts';
import { Overview, OverviewPath, OverviewQuery } from './schema.ts';
import { ShiftBoard, ShiftBoardPath, ShiftBoardQuery } from './shift-schema.ts';

export const portRoutes = defineRoutes({
  portOverview: {
    method: 'GET',
    path: '/v1/ports/{port}/overview',
    module: 'port/api.ts',
    roles: ['officer'],
    summary:
      'Calls by status and the three-zeros figures, overall, per agent (ranked) and per call; ?format=csv for the ranking',
    params: OverviewPath,
    query: OverviewQuery,
    responses: { 200: Overview },
    alsoAs: ['text/csv'],
    errors: [400, 401, 403],
  },
  portShiftBoard: {
    method: 'GET',
    path: '/v1/ports/{port}/shift-board',
    module: 'port/shift-api.ts',
    roles: ['officer'],
    summary:
      'The shift board: open reviews by deadline, arrivals and departures in the next hours, ships in port with persons on board, ashore, overdue, missing and undeclared, open alerts by severity, the three zeros with their counts',
    params: ShiftBoardPath,
    query: ShiftBoardQuery,
    responses: { 200: ShiftBoard },
    errors: [400, 401, 403],
  },
});
