// HTTP handlers of the verifiable audit, and the scheduled job that publishes each day's root.
import { adapters } from '#functions/wiring.ts';
import { clock } from '#shared/clock.ts';
import { auditDay } from '#shared/audit.ts';
import { ConflictError, NotFoundError } from '#shared/errors.ts';
import { httpHandler } from '#shared/http.ts';
import { idempotentHandler } from '#shared/idempotent-handler.ts';
import { ok } from '#shared/responses.ts';
import { publicRoot, publishDay, publishYesterday } from './roots.ts';
import { auditRoutes as routes } from './routes.ts';
import { exportAudit, verifyAudit } from './service.ts';
import { auditSigner } from './signer.ts';

const deps = () => ({ audit: adapters.audit, calls: adapters.calls, signer: auditSigner(), clock });

export const auditRoot = httpHandler(routes.auditRoot).handler(async ({ path }) => {
  const root = await adapters.audit.root(path.day);
  if (!root) throw new NotFoundError(`No root is published for ${path.day} (roots follow the end of the day, UTC)`);
  return ok(publicRoot(root));
});

export const publishAuditRoot = idempotentHandler(routes.publishAuditRoot).handler(async ({ path }) => {
  const today = auditDay(clock.now().toISOString());
  if (path.day >= today) {
    throw new ConflictError('Only a day that is over can be published', [
      { path: 'day', message: `must be before ${today} (UTC): later entries of the day would be left out` },
    ]);
  }
  return ok(publicRoot(await publishDay(deps(), path.day)));
});

export const auditKey = httpHandler(routes.auditKey).handler(async () => {
  const signer = auditSigner();
  return ok({ keyId: await signer.keyId(), algorithm: 'ECDSA_SHA_256', publicKey: await signer.publicKeyPem() });
});

export const auditExport = httpHandler(routes.auditExport).handler(async ({ query, principal }) =>
  ok(await exportAudit(deps(), principal, query)),
);

export const auditVerify = httpHandler(routes.auditVerify).handler(async ({ query, principal }) =>
  ok(await verifyAudit(deps(), principal, query)),
);

/** Hourly: publishes yesterday's root once (later runs find it and do nothing). */
export const publishDailyRoot = async () => {
  const root = await publishYesterday(deps());
  return { day: root.day, leaves: root.leaves.length };
};
