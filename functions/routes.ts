// The route table: every capability's routes in one list. The local gateway, the CDK app and the
// OpenAPI document are all built from it; handlers import their own capability's routes.
import type { RouteDef } from '#shared/route.ts';
import { platformRoutes } from '#functions/platform/routes.ts';
import { callRoutes } from '#calls/routes.ts';
import { arrivalRoutes } from '#arrival/routes.ts';
import { departureRoutes } from '#departure/routes.ts';
import { clearanceRoutes } from '#clearance/routes.ts';
import { permitRoutes } from '#permits/routes.ts';
import { reviewRoutes } from '#review/routes.ts';
import { watchListRoutes } from '#watchlist/routes.ts';
import { gangwayRoutes } from '#gangway/routes.ts';
import { personsRoutes } from '#persons/routes.ts';
import { alertRoutes } from '#alerts/routes.ts';
import { deviceRoutes } from '#devices/routes.ts';
import { portRoutes } from '#port/routes.ts';
import { agentRoutes } from '#agents/routes.ts';
import { importRoutes } from '#imports/routes.ts';
import { reportRoutes } from '#functions/reports/routes.ts';
import { auditRoutes } from '#functions/audit/routes.ts';
import { webhookRoutes } from '#webhooks/routes.ts';

export { type HttpMethod, type RouteDef, STAGE_THROTTLE, pagesOf, throttleOf } from '#shared/route.ts';

export const routes = {
  ...platformRoutes,
  ...callRoutes,
  ...arrivalRoutes,
  ...departureRoutes,
  ...clearanceRoutes,
  ...permitRoutes,
  ...reviewRoutes,
  ...watchListRoutes,
  ...gangwayRoutes,
  ...personsRoutes,
  ...alertRoutes,
  ...deviceRoutes,
  ...portRoutes,
  ...agentRoutes,
  ...importRoutes,
  ...reportRoutes,
  ...auditRoutes,
  ...webhookRoutes,
};

export type RouteName = keyof typeof routes;
export type Route = RouteDef & { name: RouteName };
export const routeList: readonly Route[] = Object.values(routes);
