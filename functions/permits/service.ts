// Permit use cases: the call's agent and its port's officers read a permit; anyone can verify a
// code and learns only what a third party needs to trust the paper in front of them.
import { canView } from '#calls/rules.ts';
import type { Ports } from '#functions/wiring.ts';
import type { Principal } from '#shared/auth.ts';
import { NotFoundError } from '#shared/errors.ts';
import { verificationStatus } from './rules.ts';
import type { PermitKind } from './schema.ts';

/** The call and its permit, if the caller may see the call and the permit was issued. */
export async function visiblePermit(
  ports: Pick<Ports, 'calls'>,
  principal: Principal,
  callId: string,
  kind: PermitKind,
) {
  const call = await ports.calls.get(callId);
  if (!call || !canView(principal, call)) throw new NotFoundError(`No call ${callId}`);
  const permit = call.permits?.[kind];
  if (!permit) throw new NotFoundError(`No ${kind} permit has been issued for this call`);
  return { call, permit };
}

export async function readPermit(ports: Pick<Ports, 'calls'>, principal: Principal, callId: string, kind: PermitKind) {
  return (await visiblePermit(ports, principal, callId, kind)).permit;
}

export async function verifyCode(ports: Pick<Ports, 'calls' | 'permitCodes'>, code: string) {
  const ref = await ports.permitCodes.byCode(code);
  const call = ref && (await ports.calls.get(ref.callId));
  const permit = ref && call?.permits?.[ref.kind];
  const status = verificationStatus(permit, code, ref);
  // No persons, no call id: the vessel, the port and whether the paper stands.
  if (!permit || !status) throw new NotFoundError('No permit has this code');
  // A replaced code speaks of the permit it was printed on, not of the one that replaced it.
  const printed = permit.verificationCode === code ? permit : ref;
  return {
    valid: status === 'VALID',
    status,
    kind: permit.kind,
    version: printed.version,
    vesselName: permit.vesselName,
    imo: permit.imo,
    port: permit.port,
    issuedAt: printed.issuedAt,
  };
}
