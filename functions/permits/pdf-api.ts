// The printed permit, in a module of its own: its PDF stack (the PDF writer, the QR encoder, the
// CJK font) is this route's bundle only, not that of every permit read or verification.
import { config } from '#shared/config.ts';
import { httpHandler } from '#shared/http.ts';
import { file } from '#shared/responses.ts';
import { adapters } from '#functions/wiring.ts';
import { printPermit } from './print.ts';
import { permitRoutes as routes } from './routes.ts';

export const getPermitPdf = httpHandler(routes.getPermitPdf).handler(async ({ path, principal }) => {
  const { pdf, filename } = await printPermit(adapters, principal, path.callId, path.kind, config().PUBLIC_BASE_URL);
  return file(pdf, 'application/pdf', filename);
});
