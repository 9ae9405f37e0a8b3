// The routes of persons' border decisions (what a route holds: functions/shared/route.ts).
import { defineRoutes } from '#shared/route.ts';
import { CallPath } from '#shared/values.ts';
import {
  BorderView,
  LandingDecision,
  LandingDecisionRequest,
  MissingDecisionRequest,
  Visitor,
  VisitorDecisionRequest,
  VisitorPath,
  VisitorRequest,
} from './schema.ts';
import * as z from 'zod';

export const personsRoutes = defineRoutes({
  getBorderView: {
    method: 'GET',
    path: '/v1/calls/{callId}/border',
    module: 'persons/api.ts',
    roles: ['agent', 'officer'],
    summary:
      "Each person's presence, landing permission and pass window, the visitors with their permits, and who is missing (agents: no findings, no officers' reasons)",
    params: CallPath,
    responses: { 200: BorderView },
    errors: [400, 401, 403, 404],
  },
  decideLanding: {
    method: 'POST',
    path: '/v1/calls/{callId}/landing',
    module: 'persons/api.ts',
    roles: ['officer', 'supervisor'],
    summary:
      'Shore pass (with a window, default the stay), refused or held on board: for the whole crew, or named persons as exceptions; a reason is required',
    params: CallPath,
    body: LandingDecisionRequest,
    events: true,
    idempotent: true,
    responses: { 200: z.object({ decisions: z.array(LandingDecision) }).meta({ id: 'LandingDecided' }) },
    errors: [400, 401, 403, 404, 409, 422],
  },
  requestVisitor: {
    method: 'POST',
    path: '/v1/calls/{callId}/visitors',
    module: 'persons/api.ts',
    roles: ['agent'],
    summary:
      'Ask for a boarding permit for a visitor (pilot, surveyor, chandler, repair crew); its id is the gangway reference',
    params: CallPath,
    body: VisitorRequest,
    events: true,
    idempotent: true,
    responses: { 201: Visitor },
    errors: [400, 401, 403, 404, 409, 422],
  },
  decideVisitor: {
    method: 'POST',
    path: '/v1/calls/{callId}/visitors/{visitorId}/decision',
    module: 'persons/api.ts',
    roles: ['officer', 'supervisor'],
    summary: 'Grant or refuse a boarding permit, with a reason',
    params: VisitorPath,
    body: VisitorDecisionRequest,
    idempotent: true,
    responses: { 200: Visitor },
    errors: [400, 401, 403, 404, 409, 422],
  },
  decideSailWithout: {
    method: 'POST',
    path: '/v1/calls/{callId}/sail-without',
    module: 'persons/api.ts',
    roles: ['officer', 'supervisor'],
    summary: 'Let the ship sail without named persons who did not come back (the departure is re-checked)',
    params: CallPath,
    body: MissingDecisionRequest,
    events: true,
    idempotent: true,
    // It re-checks the departure: a new run, and the end of the review waiting on the old one.
    workflows: ['start', 'answer'],
    responses: { 200: z.object({ callId: z.string(), persons: z.array(z.string()) }).meta({ id: 'SailWithout' }) },
    errors: [400, 401, 403, 404, 409, 422],
  },
});
