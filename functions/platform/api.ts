// The OpenAPI contract. A Lambda bundle has the document beside it, built with the bundle from the
// route table (infra/bundling.ts); anywhere else it is built from the route table on the first
// request. Either way it is the same document, built by the same code.
import { readFile } from 'node:fs/promises';
import { httpHandler } from '#shared/http.ts';
import { ok } from '#shared/responses.ts';
import { platformRoutes as routes } from './routes.ts';

async function contract(): Promise<unknown> {
  try {
    return JSON.parse(await readFile(new URL('./openapi.json', import.meta.url), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    // Loaded only here, so a bundle with the document beside it never evaluates every route's schemas.
    return (await import('./openapi.ts')).openApiDocument();
  }
}

let document: Promise<unknown> | undefined;
export const openApi = httpHandler(routes.openApi).handler(async () => {
  document ??= contract().catch((error: unknown) => {
    document = undefined;
    throw error;
  });
  return ok(await document);
});
