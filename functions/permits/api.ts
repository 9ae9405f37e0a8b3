// Permits: the call's agent and its port's officers read them; anyone can verify a code.
import { httpHandler } from '#shared/http.ts';
import { config } from '#shared/config.ts';
import { file, ok } from '#shared/responses.ts';
import { adapters } from '#functions/wiring.ts';
import { permitRoutes as routes } from './routes.ts';
import { readPermit, verifyCode } from './service.ts';
import { printPermit } from './print.ts';

export const getPermit = httpHandler(routes.getPermit).handler(async ({ path, principal }) =>
  ok(await readPermit(adapters, principal, path.callId, path.kind)),
);

export const getPermitPdf = httpHandler(routes.getPermitPdf).handler(async ({ path, principal }) => {
  const { pdf, filename } = await printPermit(adapters, principal, path.callId, path.kind, config().PUBLIC_BASE_URL);
  return file(pdf, 'application/pdf', filename);
});

export const verifyPermit = httpHandler(routes.verifyPermit).handler(async ({ path }) =>
  ok(await verifyCode(adapters, path.code)),
);
