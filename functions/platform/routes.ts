// The routes of health and the API contract (what a route holds: functions/shared/route.ts).
import { defineRoutes } from '#shared/route.ts';
import { Health, OpenApiDocument } from './schema.ts';

export const platformRoutes = defineRoutes({
  health: {
    method: 'GET',
    path: '/v1/health',
    module: 'platform/health.ts',
    roles: 'public',
    summary: 'Liveness of the API',
    responses: { 200: Health },
  },
  openApi: {
    method: 'GET',
    path: '/openapi.json',
    module: 'platform/api.ts',
    roles: 'public',
    summary: 'This contract, as OpenAPI 3.1',
    responses: { 200: OpenApiDocument },
  },
});

/** The function behind API Gateway's `$default` route: every request that matches no route above. */
export const defaultRoute = {
  name: 'notFound',
  module: 'platform/not-found.ts',
  summary: 'Any request no route matches: 404 in the error envelope',
} as const;
