// The routes of permits and their public verification (what a route holds: functions/shared/route.ts).
import { defineRoutes } from '#shared/route.ts';
import { PERMIT_FONT } from './font.ts';
import { Permit, PermitPath, PermitPdf, PermitVerification, VerifyPath } from './schema.ts';

export const permitRoutes = defineRoutes({
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
  // A sub-path, not `{kind}.pdf`: API Gateway HTTP APIs take a path variable only as a whole segment.
  getPermitPdf: {
    method: 'GET',
    path: '/v1/calls/{callId}/permits/{kind}/pdf',
    module: 'permits/pdf-api.ts',
    roles: ['agent', 'officer'],
    summary: 'The permit to print: an A4 PDF in Chinese and English with the QR code of its verification page',
    params: PermitPath,
    produces: 'application/pdf',
    files: [PERMIT_FONT],
    responses: { 200: PermitPdf },
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
});
