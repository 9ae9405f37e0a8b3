// Permits: the call's agent and its port's officers read them; anyone can verify a code. The
// printed permit is in pdf-api.ts.
import { httpHandler } from '#shared/http.ts';
import { ok } from '#shared/responses.ts';
import { adapters } from '#functions/wiring.ts';
import { permitRoutes as routes } from './routes.ts';
import { readPermit, verifyCode } from './service.ts';

export const getPermit = httpHandler(routes.getPermit).handler(async ({ path, principal }) =>
  ok(await readPermit(adapters, principal, path.callId, path.kind)),
);

export const verifyPermit = httpHandler(routes.verifyPermit).handler(async ({ path }) =>
  ok(await verifyCode(adapters, path.code)),
);
