// Signs the daily audit roots: with an AWS KMS asymmetric key (ECC_NIST_P256, ECDSA_SHA_256) when
// AUDIT_KMS_KEY_ID is set, else with the P-256 key in AUDIT_SIGNING_KEY. Both give a DER ECDSA
// signature over the same message, so one verifier checks either.
import { createPrivateKey, createPublicKey, sign } from 'node:crypto';
import { config } from '#shared/config.ts';

export interface AuditSigner {
  keyId(): Promise<string>;
  /** base64 DER ECDSA P-256 / SHA-256 signature. */
  sign(message: string): Promise<string>;
  publicKeyPem(): Promise<string>;
}

function pemSigner(pem: string): AuditSigner {
  const key = createPrivateKey(pem);
  const publicPem = createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
  return {
    keyId: async () => 'local-es256',
    sign: async (message) => sign('sha256', Buffer.from(message), { key, dsaEncoding: 'der' }).toString('base64'),
    publicKeyPem: async () => publicPem,
  };
}

function kmsSigner(keyId: string): AuditSigner {
  const client = import('@aws-sdk/client-kms').then((kms) => ({ kms, client: new kms.KMSClient({}) }));
  let publicPem: Promise<string> | undefined;
  return {
    keyId: async () => keyId,
    async sign(message) {
      const { kms, client: c } = await client;
      const out = await c.send(
        new kms.SignCommand({
          KeyId: keyId,
          Message: Buffer.from(message),
          MessageType: 'RAW',
          SigningAlgorithm: 'ECDSA_SHA_256',
        }),
      );
      return Buffer.from(out.Signature!).toString('base64');
    },
    publicKeyPem() {
      publicPem ??= client.then(async ({ kms, client: c }) => {
        const out = await c.send(new kms.GetPublicKeyCommand({ KeyId: keyId }));
        return createPublicKey({ key: Buffer.from(out.PublicKey!), format: 'der', type: 'spki' })
          .export({ type: 'spki', format: 'pem' })
          .toString();
      });
      return publicPem;
    },
  };
}

let cached: AuditSigner | undefined;

export function auditSigner(): AuditSigner {
  if (cached) return cached;
  const { AUDIT_KMS_KEY_ID, AUDIT_SIGNING_KEY } = config();
  if (AUDIT_KMS_KEY_ID) cached = kmsSigner(AUDIT_KMS_KEY_ID);
  else if (AUDIT_SIGNING_KEY) cached = pemSigner(AUDIT_SIGNING_KEY);
  else throw new Error('Invalid configuration: AUDIT_KMS_KEY_ID or AUDIT_SIGNING_KEY must be set');
  return cached;
}

export { pemSigner };

/** For the embedded runtime and tests, which set the key after modules are loaded. */
export function resetAuditSigner(): void {
  cached = undefined;
}
