// The route table: method, path, handler, who may call it and the schemas of what goes in and
// out. The local gateway, the CDK app and the OpenAPI document are all built from this one list.
import type { z } from 'zod';
import type { Role } from '#shared/auth.ts';
import {
  CallAnnouncement,
  CallCreated,
  CallDetail,
  CallPage,
  CallPath,
  Call,
  CancelCall,
  ListCallsQuery,
} from '#calls/schema.ts';
import { Health, OpenApiDocument } from '#functions/platform/schema.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RouteDef {
  method: HttpMethod;
  /** API Gateway path syntax: `/v1/calls/{callId}`. */
  path: string;
  /** Module under functions/ that exports the handler named like the route's key. */
  module: string;
  roles: readonly Role[] | 'public';
  summary: string;
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
  idempotent?: boolean;
  /** Status → schema of the success response. */
  responses: Record<number, z.ZodType>;
  /** Expected error statuses, for the contract. */
  errors?: readonly number[];
}

function defineRoutes<T extends Record<string, RouteDef>>(defs: T): { [K in keyof T]: T[K] & { name: K } } {
  return Object.fromEntries(Object.entries(defs).map(([name, def]) => [name, { ...def, name }])) as never;
}

export const routes = defineRoutes({
  health: {
    method: 'GET',
    path: '/v1/health',
    module: 'platform/api.ts',
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
  createCall: {
    method: 'POST',
    path: '/v1/calls',
    module: 'calls/api.ts',
    roles: ['agent'],
    summary: 'Announce a port call',
    body: CallAnnouncement,
    idempotent: true,
    responses: { 201: CallCreated },
    errors: [400, 401, 403, 409, 422],
  },
  listCalls: {
    method: 'GET',
    path: '/v1/calls',
    module: 'calls/api.ts',
    roles: ['agent', 'officer'],
    summary: "List calls: an agent's own, an officer's port's; newest ETA last",
    query: ListCallsQuery,
    responses: { 200: CallPage },
    errors: [400, 401, 403],
  },
  getCall: {
    method: 'GET',
    path: '/v1/calls/{callId}',
    module: 'calls/api.ts',
    roles: ['agent', 'officer'],
    summary: 'A call with its status and timeline',
    params: CallPath,
    responses: { 200: CallDetail },
    errors: [400, 401, 403, 404],
  },
  cancelCall: {
    method: 'POST',
    path: '/v1/calls/{callId}/cancel',
    module: 'calls/api.ts',
    roles: ['agent'],
    summary: 'Cancel a call that has not been cleared for arrival',
    params: CallPath,
    body: CancelCall,
    idempotent: true,
    responses: { 200: Call },
    errors: [400, 401, 403, 404, 409],
  },
});

export type RouteName = keyof typeof routes;
export type Route = RouteDef & { name: RouteName };
export const routeList: readonly Route[] = Object.values(routes);
