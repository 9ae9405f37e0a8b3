// The route table: method, path, handler, who may call it and the schemas of what goes in and
// out. The local gateway, the CDK app and the OpenAPI document are all built from this one list.
import type * as z from 'zod';
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
import { ArrivalAccepted, ArrivalDeclaration, DeclarationQuery, StoredDeclaration } from '#arrival/schema.ts';
import { ReviewDecision, Review, ReviewPage, ReviewPath, ReviewQuery } from '#review/schema.ts';
import { Permit, PermitPath, PermitVerification, VerifyPath } from '#permits/schema.ts';
import { WatchListLoad, WatchListLoaded, WatchListPage, WatchListQuery } from '#watchlist/schema.ts';
import { AgentPath, AgentProfile, AgentTrust } from '#agents/schema.ts';
import { Alert, AlertPage, AlertPath, AlertQuery, ResolveAlert } from '#alerts/schema.ts';
import { AssignDevice, Device, DevicePage, DevicePath, DeviceWithKey, RegisterDevice } from '#devices/schema.ts';
import { GangwayPost, GangwayReceipt, PersonsOnCall } from '#gangway/schema.ts';
import { Overview, OverviewPath, OverviewQuery } from '#port/schema.ts';
import { ClearancePath, ClearanceRedriven, RedriveClearance } from '#clearance/schema.ts';
import {
  AgencyAnswer,
  AgencyPath,
  DepartureAccepted,
  DepartureDeclaration,
  DepartureDraft,
  DepartureQuery,
  Movement,
  RecordedAgencyAnswer,
} from '#departure/schema.ts';

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
  /** What the handler does with workflows, for its IAM grants: start executions, answer callbacks. */
  workflows?: readonly ('start' | 'answer')[];
  /** Reads the secret device keys are derived from. */
  deviceKeys?: boolean;
  /** Status → schema of the success response. */
  responses: Record<number, z.ZodType>;
  /** Expected error statuses, for the contract. */
  errors?: readonly number[];
  /** Requests per second (steady, burst) API Gateway lets through to this route; see `throttleOf`. */
  throttle?: { rate: number; burst: number };
}

/**
 * A route's API Gateway throttle on AWS: devices post often (batches of up to 100 passes), reads
 * are cheap, writes by people are few, and the public permit check is what an outsider can hammer.
 */
export function throttleOf(route: RouteDef): { rate: number; burst: number } {
  if (route.throttle) return route.throttle;
  if (route.roles === 'public') return { rate: 20, burst: 40 };
  if (route.roles.includes('device')) return { rate: 100, burst: 200 };
  return route.method === 'GET' ? { rate: 50, burst: 100 } : { rate: 25, burst: 50 };
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
  putArrival: {
    method: 'PUT',
    path: '/v1/calls/{callId}/arrival',
    module: 'arrival/api.ts',
    roles: ['agent'],
    summary: 'Submit or amend the arrival declaration; each accepted submission is a new version, cleared by the arrival workflow',
    params: CallPath,
    body: ArrivalDeclaration,
    idempotent: true,
    workflows: ['start', 'answer'],
    responses: { 202: ArrivalAccepted },
    errors: [400, 401, 403, 404, 409, 422],
  },
  getArrival: {
    method: 'GET',
    path: '/v1/calls/{callId}/arrival',
    module: 'arrival/api.ts',
    roles: ['agent', 'officer'],
    summary: 'The newest arrival declaration, or an earlier one with ?version=',
    params: CallPath,
    query: DeclarationQuery,
    responses: { 200: StoredDeclaration },
    errors: [400, 401, 403, 404],
  },
  recordShipArrival: {
    method: 'POST',
    path: '/v1/calls/{callId}/arrived',
    module: 'calls/api.ts',
    roles: ['agent', 'officer'],
    summary: 'Record the actual arrival (ATA, default now): the call is IN_PORT',
    params: CallPath,
    body: Movement,
    idempotent: true,
    responses: { 200: Call },
    errors: [400, 401, 403, 404, 409],
  },
  putDeparture: {
    method: 'PUT',
    path: '/v1/calls/{callId}/departure',
    module: 'departure/api.ts',
    roles: ['agent'],
    summary: 'Submit or amend the departure declaration; cleared one-stop by the departure workflow',
    params: CallPath,
    body: DepartureDeclaration,
    idempotent: true,
    workflows: ['start', 'answer'],
    responses: { 202: DepartureAccepted },
    errors: [400, 401, 403, 404, 409, 422],
  },
  getDeparture: {
    method: 'GET',
    path: '/v1/calls/{callId}/departure',
    module: 'departure/api.ts',
    roles: ['agent', 'officer'],
    summary: 'A draft pre-filled from the arrival lists and sign-ons/offs so far; ?version=N reads a submitted one',
    params: CallPath,
    query: DepartureQuery,
    responses: { 200: DepartureDraft },
    errors: [400, 401, 403, 404, 409],
  },
  recordAgencyAnswer: {
    method: 'PUT',
    path: '/v1/calls/{callId}/agencies/{agency}',
    module: 'departure/api.ts',
    roles: ['officer'],
    summary: "Record another agency's answer (CLEAR or HOLD) for the departure; the clearance re-runs",
    params: AgencyPath,
    body: AgencyAnswer,
    idempotent: true,
    workflows: ['start', 'answer'],
    responses: { 200: RecordedAgencyAnswer },
    errors: [400, 401, 403, 404],
  },
  redriveClearance: {
    method: 'POST',
    path: '/v1/calls/{callId}/clearances/{kind}/redrive',
    module: 'clearance/api.ts',
    roles: ['officer', 'supervisor'],
    summary: 'Run a FAILED arrival or departure clearance again (same declaration, new round), once its cause is fixed',
    params: ClearancePath,
    body: RedriveClearance,
    idempotent: true,
    workflows: ['start'],
    responses: { 202: ClearanceRedriven },
    errors: [400, 401, 403, 404, 409],
  },
  recordShipDeparture: {
    method: 'POST',
    path: '/v1/calls/{callId}/departed',
    module: 'calls/api.ts',
    roles: ['agent', 'officer'],
    summary: 'Record the actual departure (ATD, default now): closes the call and ends device assignments',
    params: CallPath,
    body: Movement,
    idempotent: true,
    responses: { 200: Call },
    errors: [400, 401, 403, 404, 409],
  },
  getPermit: {
    method: 'GET',
    path: '/v1/calls/{callId}/permits/{kind}',
    module: 'permits/api.ts',
    roles: ['agent', 'officer'],
    summary: 'The arrival or departure permit of a call, with its verification code',
    params: PermitPath,
    responses: { 200: Permit },
    errors: [400, 401, 403, 404],
  },
  verifyPermit: {
    method: 'GET',
    path: '/v1/permits/verify/{code}',
    module: 'permits/api.ts',
    roles: 'public',
    summary: 'Check a permit verification code: whether it is valid, for which vessel and port',
    params: VerifyPath,
    responses: { 200: PermitVerification },
    errors: [400, 404],
  },
  listReviews: {
    method: 'GET',
    path: '/v1/reviews',
    module: 'review/api.ts',
    roles: ['officer'],
    summary: "Open reviews of the officer's port, oldest first, with their reasons",
    query: ReviewQuery,
    responses: { 200: ReviewPage },
    errors: [400, 401, 403],
  },
  decideReview: {
    method: 'POST',
    path: '/v1/reviews/{reviewId}/decision',
    module: 'review/api.ts',
    roles: ['officer'],
    summary: 'Approve, reject or request an amendment (a reason is required for the last two)',
    params: ReviewPath,
    body: ReviewDecision,
    idempotent: true,
    workflows: ['answer'],
    responses: { 200: Review },
    errors: [400, 401, 403, 404, 409],
  },
  loadWatchList: {
    method: 'PUT',
    path: '/v1/watchlist',
    module: 'watchlist/api.ts',
    roles: ['supervisor'],
    summary: 'Load watch-list entries (documents, persons, vessels, flags); loading an entry again replaces it',
    body: WatchListLoad,
    responses: { 200: WatchListLoaded },
    errors: [400, 401, 403],
  },
  listWatchList: {
    method: 'GET',
    path: '/v1/watchlist',
    module: 'watchlist/api.ts',
    roles: ['supervisor'],
    summary: 'The watch list, paginated',
    query: WatchListQuery,
    responses: { 200: WatchListPage },
    errors: [400, 401, 403],
  },
  postGangwayEvents: {
    method: 'POST',
    path: '/v1/gangway/events',
    module: 'gangway/api.ts',
    roles: ['device'],
    summary: 'One signed scan event, or { "events": [...] } (up to 100) buffered offline; each answered accepted, duplicate or rejected',
    body: GangwayPost,
    deviceKeys: true,
    workflows: ['start', 'answer'],
    responses: { 202: GangwayReceipt },
    errors: [400, 401, 403, 422],
  },
  listPersons: {
    method: 'GET',
    path: '/v1/calls/{callId}/persons',
    module: 'gangway/api.ts',
    roles: ['agent', 'officer'],
    summary: 'Persons on the call with their presence (on board, ashore) and the counts',
    params: CallPath,
    responses: { 200: PersonsOnCall },
    errors: [400, 401, 403, 404],
  },
  listAlerts: {
    method: 'GET',
    path: '/v1/alerts',
    module: 'alerts/api.ts',
    roles: ['officer'],
    summary: "Gangway alerts of the officer's port, newest first, by status (default OPEN)",
    query: AlertQuery,
    responses: { 200: AlertPage },
    errors: [400, 401, 403],
  },
  ackAlert: {
    method: 'POST',
    path: '/v1/alerts/{alertId}/ack',
    module: 'alerts/api.ts',
    roles: ['officer'],
    summary: 'Acknowledge an alert: the officer takes it',
    params: AlertPath,
    responses: { 200: Alert },
    errors: [400, 401, 403, 404, 409],
  },
  resolveAlert: {
    method: 'POST',
    path: '/v1/alerts/{alertId}/resolve',
    module: 'alerts/api.ts',
    roles: ['officer'],
    summary: 'Resolve an alert with what was found',
    params: AlertPath,
    body: ResolveAlert,
    workflows: ['start', 'answer'],
    responses: { 200: Alert },
    errors: [400, 401, 403, 404, 409],
  },
  createDevice: {
    method: 'POST',
    path: '/v1/devices',
    module: 'devices/api.ts',
    roles: ['supervisor'],
    summary: "Register a gangway device of the supervisor's port; its key is in this answer only",
    body: RegisterDevice,
    deviceKeys: true,
    responses: { 201: DeviceWithKey },
    errors: [400, 401, 403],
  },
  getDevices: {
    method: 'GET',
    path: '/v1/devices',
    module: 'devices/api.ts',
    roles: ['supervisor'],
    summary: "The devices of the supervisor's port",
    responses: { 200: DevicePage },
    errors: [401, 403],
  },
  assignDeviceToCall: {
    method: 'POST',
    path: '/v1/devices/{deviceId}/assign',
    module: 'devices/api.ts',
    roles: ['supervisor'],
    summary: 'Assign the device to the gangway of a call',
    params: DevicePath,
    body: AssignDevice,
    responses: { 200: Device },
    errors: [400, 401, 403, 404, 409],
  },
  unassignDeviceFromCall: {
    method: 'POST',
    path: '/v1/devices/{deviceId}/unassign',
    module: 'devices/api.ts',
    roles: ['supervisor'],
    summary: 'Take the device off its call',
    params: DevicePath,
    responses: { 200: Device },
    errors: [400, 401, 403, 404],
  },
  rotateDeviceKey: {
    method: 'POST',
    path: '/v1/devices/{deviceId}/rotate-key',
    module: 'devices/api.ts',
    roles: ['supervisor'],
    summary: 'Issue a new key (shown once); the old one works for the grace period',
    params: DevicePath,
    deviceKeys: true,
    responses: { 200: DeviceWithKey },
    errors: [400, 401, 403, 404, 409],
  },
  retireDeviceById: {
    method: 'DELETE',
    path: '/v1/devices/{deviceId}',
    module: 'devices/api.ts',
    roles: ['supervisor'],
    summary: 'Retire the device: its keys stop working at once',
    params: DevicePath,
    responses: { 200: Device },
    errors: [400, 401, 403, 404],
  },
  portOverview: {
    method: 'GET',
    path: '/v1/ports/{port}/overview',
    module: 'port/api.ts',
    roles: ['officer'],
    summary: 'Calls by status and the three-zeros figures, overall, per agent (ranked) and per call; ?format=csv for the ranking',
    params: OverviewPath,
    query: OverviewQuery,
    responses: { 200: Overview },
    errors: [400, 401, 403],
  },
  setAgentTrust: {
    method: 'PUT',
    path: '/v1/agents/{agentId}/trust',
    module: 'agents/api.ts',
    roles: ['supervisor'],
    summary: "Record whether an agent is AEO-certified (trusted agents' minor findings do not open a review)",
    params: AgentPath,
    body: AgentTrust,
    responses: { 200: AgentProfile },
    errors: [400, 401, 403],
  },
});

export type RouteName = keyof typeof routes;
export type Route = RouteDef & { name: RouteName };
export const routeList: readonly Route[] = Object.values(routes);
