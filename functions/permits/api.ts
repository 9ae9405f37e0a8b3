// Permits: the call's agent and its port's officers read them; anyone can verify a code.
import type { Permit } from './schema.ts';
import { canView } from '#calls/rules.ts';
import { dynamoCallStore } from '#calls/store.ts';
import { NotFoundError } from '#shared/errors.ts';
import { httpHandler } from '#shared/http.ts';
import { ok } from '#shared/responses.ts';
import { permitRoutes as routes } from './routes.ts';
import { dynamoPermitStore as permits } from './store.ts';

export const getPermit = httpHandler(routes.getPermit).handler(async ({ path, principal }) => {
  const call = await dynamoCallStore.get(path.callId);
  if (!call || !canView(principal, call)) throw new NotFoundError(`No call ${path.callId}`);
  const permit = await permits.get(path.callId, path.kind);
  if (!permit) throw new NotFoundError(`No ${path.kind} permit has been issued for this call`);
  return ok(permit);
});

export const verifyPermit = httpHandler(routes.verifyPermit).handler(async ({ path }) => {
  const ref = await permits.byCode(path.code);
  const permit: Permit | undefined = ref && (await permits.get(ref.callId, ref.kind));
  // Only what a third party needs to trust the paper in front of them: no persons, no call id.
  if (!ref || !permit) throw new NotFoundError('No permit has this code');
  const current = permit.version === ref.version && permit.verificationCode === path.code;
  const status = !current ? 'SUPERSEDED' : permit.suspendedAt ? 'SUSPENDED' : 'VALID';
  return ok({
    valid: status === 'VALID',
    status,
    kind: permit.kind,
    vesselName: permit.vesselName,
    imo: permit.imo,
    port: permit.port,
    issuedAt: permit.issuedAt,
  });
});
