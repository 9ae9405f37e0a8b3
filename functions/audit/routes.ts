// The routes of the verifiable audit (what a route holds: functions/shared/route.ts).
import { defineRoutes } from '#shared/route.ts';
import { AuditExport, AuditKey, AuditQuery, PublishedRoot, RootPath, Verification } from './schema.ts';

export const auditRoutes = defineRoutes({
  auditRoot: {
    method: 'GET',
    path: '/v1/audit/roots/{day}',
    module: 'audit/api.ts',
    roles: 'public',
    summary:
      "A day's signed Merkle root over the last entry of every audit chain that day (published after the day ends)",
    params: RootPath,
    responses: { 200: PublishedRoot },
    errors: [400, 404],
  },
  publishAuditRoot: {
    method: 'POST',
    path: '/v1/audit/roots/{day}/publish',
    module: 'audit/api.ts',
    roles: ['supervisor'],
    summary: "Publish a past day's root now instead of at the hourly job; a published root is never replaced",
    params: RootPath,
    auditKey: 'sign',
    idempotent: true,
    responses: { 200: PublishedRoot },
    errors: [400, 401, 403, 409],
  },
  auditKey: {
    method: 'GET',
    path: '/v1/audit/key',
    module: 'audit/api.ts',
    roles: 'public',
    summary: 'The public key the daily roots are signed with (ECDSA P-256, PEM)',
    auditKey: 'read',
    responses: { 200: AuditKey },
    errors: [],
  },
  auditExport: {
    method: 'GET',
    path: '/v1/audit/export',
    module: 'audit/api.ts',
    roles: ['officer'],
    summary:
      'A chain (?callId= or ?chain=PORT#<port>|WATCHLIST|AGENTS) with, for each published day, its leaf and inclusion proof: what `npm run audit -- verify` checks without the server',
    query: AuditQuery,
    auditKey: 'read',
    responses: { 200: AuditExport },
    errors: [400, 401, 403, 404],
  },
  auditVerify: {
    method: 'GET',
    path: '/v1/audit/verify',
    module: 'audit/api.ts',
    roles: ['officer'],
    summary:
      'Checks a chain as a third party would: every hash and link, and its inclusion in each published daily root',
    query: AuditQuery,
    auditKey: 'read',
    responses: { 200: Verification },
    errors: [400, 401, 403, 404],
  },
});
