// What answers a request no route matches: API Gateway's `$default` route on AWS and the local
// gateway's fallback, so an unknown path or method gets the same 404 envelope in both runtimes.
import { NotFoundError } from '#shared/errors.ts';
import { httpHandler } from '#shared/http.ts';

export const notFound = httpHandler({ name: 'notFound', roles: 'public' }).handler(async ({ event }) => {
  throw new NotFoundError(`No route for ${event.requestContext.http.method} ${event.rawPath.slice(0, 200)}`);
});
