// The OpenAPI contract, built from the route table on the first request.
import { httpHandler } from '#shared/http.ts';
import { ok } from '#shared/responses.ts';
import { platformRoutes as routes } from './routes.ts';
import { openApiDocument } from './openapi.ts';

let document: unknown;
export const openApi = httpHandler(routes.openApi).handler(async () => ok((document ??= openApiDocument())));
