// The routes of the quarterly clearance-time report (what a route holds: functions/shared/route.ts).
import { defineRoutes } from '#shared/route.ts';
import { ClearanceReport, PublicClearanceReport, PublicReportQuery, ReportQuery } from './schema.ts';

export const reportRoutes = defineRoutes({
  clearanceTimes: {
    method: 'GET',
    path: '/v1/reports/clearance-times',
    module: 'reports/api.ts',
    roles: ['officer'],
    summary:
      'The quarter’s clearance times from confirmed ATA/ATD only: per port, across the reported ports, and every agent ranked (at least RANKING_MIN_CALLS measured calls) or said why not',
    query: ReportQuery,
    responses: { 200: ClearanceReport },
    errors: [400, 401, 403],
  },
  publicClearanceTimes: {
    method: 'GET',
    path: '/v1/public/clearance-times',
    module: 'reports/api.ts',
    roles: 'public',
    summary:
      'Published quarterly (measure 6): the top 100 agents’ overall clearance time across the reported ports, as JSON, CSV (?format=csv) or a page (?format=html); nothing personal',
    query: PublicReportQuery,
    responses: { 200: PublicClearanceReport },
    alsoAs: ['text/csv', 'text/html'],
    errors: [400],
  },
});
