// Printing a permit: the call's agent and its port's officers get the PDF of the permit as it
// stands now (its status is printed), with the QR code of its public verification page.
import type { Ports } from '#functions/wiring.ts';
import type { Principal } from '#shared/auth.ts';
import { permitPdf } from './pdf/permit.ts';
import type { PermitKind } from './schema.ts';
import { visiblePermit } from './service.ts';

/** The page of the web app that shows whether a code stands. */
export const verificationUrl = (publicBaseUrl: string, code: string) =>
  `${publicBaseUrl.replace(/\/+$/, '')}/verify/${encodeURIComponent(code)}`;

export async function printPermit(
  ports: Pick<Ports, 'calls'>,
  principal: Principal,
  callId: string,
  kind: PermitKind,
  publicBaseUrl: string | undefined,
) {
  if (!publicBaseUrl) throw new Error('PUBLIC_BASE_URL is not set: a printed permit needs its verification URL');
  const { call, permit } = await visiblePermit(ports, principal, callId, kind);
  const pdf = await permitPdf({
    kind,
    status: permit.status,
    port: permit.port,
    vesselName: permit.vesselName,
    imo: permit.imo,
    flag: call.vessel.flag,
    callSign: call.vessel.callSign,
    voyage: call.voyage,
    version: permit.version,
    issuedBy: permit.issuedBy,
    issuedAt: permit.issuedAt,
    eta: permit.eta,
    etd: permit.etd,
    verificationCode: permit.verificationCode,
    verificationUrl: verificationUrl(publicBaseUrl, permit.verificationCode),
  });
  return { pdf, filename: `${kind}-permit-${permit.imo}-${call.voyage.replace(/\//g, '-')}.pdf` };
}
