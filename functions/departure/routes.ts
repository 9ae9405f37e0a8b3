// The routes of the departure declaration and agencies' answers (what a route holds: functions/shared/route.ts).
import { defineRoutes } from '#shared/route.ts';
import { CallPath } from '#shared/values.ts';
import {
  AgencyAnswer,
  AgencyPath,
  CallAgencies,
  DepartureAccepted,
  DepartureDeclaration,
  DepartureRead,
  DepartureQuery,
  RecordedAgencyAnswer,
} from './schema.ts';

export const departureRoutes = defineRoutes({
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
    events: true,
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
    responses: { 200: DepartureRead },
    errors: [400, 401, 403, 404, 409],
  },
  recordAgencyAnswer: {
    method: 'PUT',
    path: '/v1/calls/{callId}/agencies/{agency}',
    module: 'departure/api.ts',
    roles: ['officer'],
    summary:
      "A configured agency's answer (CLEAR or HOLD) for the departure, which re-runs; unknown agency: 404; a HOLD blocks clearance until CLEAR",
    params: AgencyPath,
    body: AgencyAnswer,
    idempotent: true,
    workflows: ['start', 'answer'],
    events: true,
    responses: { 200: RecordedAgencyAnswer },
    errors: [400, 401, 403, 404],
  },
  listCallAgencies: {
    method: 'GET',
    path: '/v1/calls/{callId}/agencies',
    module: 'departure/api.ts',
    roles: ['agent', 'officer'],
    summary: "The port's agencies (who decides what) with each one's latest answer for the call, who gave it and when",
    params: CallPath,
    responses: { 200: CallAgencies },
    errors: [400, 401, 403, 404],
  },
});
