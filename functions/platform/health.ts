// Liveness: a module of its own, so it does not load every route's schema as the contract does.
import { httpHandler } from '#shared/http.ts';
import { ok } from '#shared/responses.ts';
import { platformRoutes as routes } from './routes.ts';

const VERSION = process.env.APP_VERSION ?? '0.1.0';

export const health = httpHandler(routes.health).handler(async () =>
  ok({ status: 'ok', time: new Date().toISOString(), version: VERSION }),
);
