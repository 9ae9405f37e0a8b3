// Deployment secrets: given inline by the embedded runtime (kept in its data folder), read from
// Secrets Manager on AWS by the functions granted to read them, cached for five minutes.
const cache = new Map<string, Buffer>();

/** The secret named by `<name>` (inline) or `<name>_ARN` (Secrets Manager); 32+ characters. */
export async function deploymentSecret(name: string): Promise<Buffer> {
  const inline = process.env[name];
  if (inline && inline.length >= 32) return Buffer.from(inline);
  const arn = process.env[`${name}_ARN`];
  // A function not given the secret has none, whoever loaded it into this process before.
  const cached = cache.get(name);
  if (cached && arn) return cached;
  // Loaded only on AWS, where the secret lives in Secrets Manager.
  const value = arn
    ? await (await import('@aws-lambda-powertools/parameters/secrets')).getSecret(arn, { maxAge: 300 })
    : undefined;
  if (typeof value !== 'string' || value.length < 32) {
    throw new Error(`Invalid configuration: ${name} or ${name}_ARN must give a secret of 32+ characters`);
  }
  const secret = Buffer.from(value);
  cache.set(name, secret);
  return secret;
}
