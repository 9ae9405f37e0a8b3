// Platform routes: liveness and the OpenAPI contract.
import { httpHandler } from '#shared/http.ts';
import { ok } from '#shared/responses.ts';
import { platformRoutes as routes } from './routes.ts';
import { openApiDocument } from './openapi.ts';

const VERSION = process.env.APP_VERSION ?? '0.1.0';

export const health = httpHandler(routes.health).handler(async () =>
  ok({ status: 'ok', time: new Date().toISOString(), version: VERSION }),
);

let document: unknown;
export const openApi = httpHandler(routes.openApi).handler(async () => ok((document ??= openApiDocument())));
