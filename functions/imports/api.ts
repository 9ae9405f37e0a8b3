// Agents upload the crew and passenger lists they keep in spreadsheets.
import { httpHandler } from '#shared/http.ts';
import { ok } from '#shared/responses.ts';
import { importRoutes as routes } from './routes.ts';
import { importPersons as readPersons } from './service.ts';

export const importPersons = httpHandler(routes.importPersons).handler(async ({ event, lang }) => {
  const body = event.body ?? '';
  const file = Buffer.from(body, event.isBase64Encoded ? 'base64' : 'utf8');
  return ok(await readPersons({ contentType: event.headers['content-type'], file, lang }));
});
