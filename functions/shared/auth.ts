// Who is calling, read from the JWT claims that API Gateway's authoriser (or the local gateway,
// which verifies the same way) puts on the event. Handlers never see a raw token.
import * as z from 'zod';
import { ForbiddenError, UnauthorizedError } from './errors.ts';

/** Roles people hold, carried in JWT groups. */
export const JwtRole = z.enum(['agent', 'officer', 'supervisor']);
export type JwtRole = z.infer<typeof JwtRole>;
/** Who may call a route: a person's role, or a gangway device (HMAC-signed requests). */
export const Role = z.enum([...JwtRole.options, 'device']);
export type Role = z.infer<typeof Role>;

/** Claim names as Cognito issues them on ID tokens; `npm run token` mints the same. */
export const CLAIMS = {
  groups: 'cognito:groups',
  agentId: 'custom:agent_id',
  port: 'custom:port',
} as const;

export const GROUP_OF_ROLE: Record<JwtRole, string> = {
  agent: 'agents',
  officer: 'officers',
  supervisor: 'supervisors',
};

const AgentId = z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/);
const PortCode = z.string().regex(/^[A-Z]{2}[A-Z2-9]{3}$/);

export const Principal = z.discriminatedUnion('role', [
  z.object({ role: z.literal('agent'), sub: z.string().min(1), agentId: AgentId }),
  z.object({ role: z.literal('officer'), sub: z.string().min(1), port: PortCode }),
  z.object({ role: z.literal('supervisor'), sub: z.string().min(1), port: PortCode }),
  z.object({
    role: z.literal('device'),
    sub: z.string().min(1),
    deviceId: z.string(),
    port: PortCode,
    /** The call the device is assigned to. */
    callId: z.string(),
  }),
]);
export type Principal = z.infer<typeof Principal>;

type ClaimValue = string | number | boolean | string[] | undefined;

/** API Gateway flattens array claims to "[a b]"; the local gateway does the same. */
export function parseGroups(value: ClaimValue): string[] {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string') return [];
  const trimmed = value.trim();
  const inner = trimmed.startsWith('[') && trimmed.endsWith(']') ? trimmed.slice(1, -1) : trimmed;
  return inner.split(/[\s,]+/).filter(Boolean);
}

/** The principal for a set of verified claims, or 401 when they name no usable role. */
export function principalFromClaims(claims: Record<string, ClaimValue> | undefined): Principal {
  if (!claims || typeof claims.sub !== 'string') throw new UnauthorizedError('A valid bearer token is required');
  const groups = parseGroups(claims[CLAIMS.groups]);
  // The strongest group wins: a supervisor is also an officer.
  const role: JwtRole | undefined = groups.includes(GROUP_OF_ROLE.supervisor)
    ? 'supervisor'
    : groups.includes(GROUP_OF_ROLE.officer)
      ? 'officer'
      : groups.includes(GROUP_OF_ROLE.agent)
        ? 'agent'
        : undefined;
  if (!role) throw new ForbiddenError('The token carries no Three Zeros group');
  const parsed = Principal.safeParse({
    role,
    sub: claims.sub,
    agentId: claims[CLAIMS.agentId],
    port: claims[CLAIMS.port],
  });
  if (!parsed.success) {
    throw new ForbiddenError(
      role === 'agent' ? 'The token has no valid agent id claim' : 'The token has no valid port claim',
    );
  }
  return parsed.data;
}

/** Whether `principal` acts in `role`; supervisors act as officers too. */
export function actsAs(principal: Principal, role: Role): boolean {
  return principal.role === role || (role === 'officer' && principal.role === 'supervisor');
}

export function requireRole(principal: Principal, roles: readonly Role[]): void {
  if (!roles.some((r) => actsAs(principal, r))) {
    throw new ForbiddenError(`This route is for: ${roles.join(', ')}`);
  }
}
