// Development identity: an ES256 key kept with the local data, tokens with the claims Cognito
// would issue, verified the way API Gateway's JWT authoriser verifies them (issuer, audience,
// expiry, algorithm). Never used on AWS.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  type CryptoKey,
  type JWK,
  type JWTPayload,
  SignJWT,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
} from 'jose';
import { CLAIMS, GROUP_OF_ROLE, type JwtRole } from '#shared/auth.ts';

export const DEV_ISSUER = 'three-zeros-local';
export const DEV_AUDIENCE = 'three-zeros';
const ALG = 'ES256';
export const KEY_FILE = 'dev-signing-key.json';

export interface DevIdentity {
  mint(who: TokenRequest): Promise<string>;
  verify(token: string): Promise<JWTPayload>;
}

export interface TokenRequest {
  role: JwtRole;
  agentId?: string;
  port?: string;
  sub?: string;
  /** Lifetime in seconds; default 12 hours. */
  ttlSeconds?: number;
  /** For tests of the checks: mint with another issuer or audience. */
  issuer?: string;
  audience?: string;
}

/** The identity whose key lives in `dataDir` (created on first use), or a throwaway one. */
export async function devIdentity(dataDir?: string): Promise<DevIdentity> {
  let privateJwk: JWK;
  const file = dataDir && join(dataDir, KEY_FILE);
  if (file && existsSync(file)) {
    privateJwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
  } else {
    const { privateKey } = await generateKeyPair(ALG, { extractable: true });
    privateJwk = { ...(await exportJWK(privateKey)), alg: ALG, kid: randomUUID() };
    if (file) {
      mkdirSync(dataDir!, { recursive: true });
      writeFileSync(file, JSON.stringify(privateJwk), { mode: 0o600 });
    }
  }
  const { d: _private, ...publicJwk } = privateJwk;
  const signingKey = (await importJWK(privateJwk, ALG)) as CryptoKey;
  const verifyKey = (await importJWK(publicJwk, ALG)) as CryptoKey;

  return {
    async mint({ role, agentId, port, sub, ttlSeconds = 12 * 3600, issuer = DEV_ISSUER, audience = DEV_AUDIENCE }) {
      if (role === 'agent' && !agentId) throw new Error('An agent token needs --agent-id');
      if (role !== 'agent' && !port) throw new Error(`A ${role} token needs --port (a UN/LOCODE, e.g. CNTXG)`);
      // Cognito puts supervisors in both groups; so do we.
      const groups = role === 'supervisor' ? [GROUP_OF_ROLE.officer, GROUP_OF_ROLE.supervisor] : [GROUP_OF_ROLE[role]];
      return new SignJWT({
        token_use: 'id',
        [CLAIMS.groups]: groups,
        ...(agentId && { [CLAIMS.agentId]: agentId }),
        ...(port && { [CLAIMS.port]: port }),
      })
        .setProtectedHeader({ alg: ALG, kid: privateJwk.kid! })
        .setSubject(sub ?? `${role}-${agentId ?? port}`.toLowerCase())
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
        .sign(signingKey);
    },
    async verify(token) {
      const { payload } = await jwtVerify(token, verifyKey, {
        issuer: DEV_ISSUER,
        audience: DEV_AUDIENCE,
        algorithms: [ALG],
        requiredClaims: ['sub', 'exp'],
      });
      return payload;
    },
  };
}

/** Claims as API Gateway hands them to a Lambda: arrays flattened to "[a b]", all strings. */
export function authoriserClaims(payload: JWTPayload): Record<string, string> {
  return Object.fromEntries(
    Object.entries(payload).map(([k, v]) => [k, Array.isArray(v) ? `[${v.join(' ')}]` : String(v)]),
  );
}
