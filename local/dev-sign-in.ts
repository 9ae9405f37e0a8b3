// Who may use the development sign-in: a page served by this runtime on this machine. A page from
// elsewhere could reach 127.0.0.1 by DNS rebinding (its own name pointing here), so the address is
// not enough: the Host must be a loopback name and the request must come from the same origin.
import type { IncomingMessage } from 'node:http';

const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const LOOPBACK_HOST = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?$/i;

/** The biggest sign-in request there is: a role, a port and an agent id. */
export const DEV_SIGN_IN_MAX_BYTES = 1024;

export const isLoopback = (req: IncomingMessage) => LOOPBACK_ADDRESSES.has(req.socket.remoteAddress ?? '');

/** Why `req` may not sign in, or undefined when it may. */
export function devSignInRefusal(req: IncomingMessage): string | undefined {
  if (!isLoopback(req)) return 'Development sign-in is for this machine only';
  const host = req.headers.host ?? '';
  if (!LOOPBACK_HOST.test(host)) return 'Development sign-in answers only to 127.0.0.1, localhost or [::1]';
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`)
    return 'Development sign-in is for pages of this server only';
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return 'Development sign-in is for pages of this server only';
  }
  return undefined;
}
