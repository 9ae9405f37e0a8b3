// Where the handler chain puts an `Idempotency-Key` for Powertools Idempotency to read: names
// both sides share, in a module of their own so that routes without the middleware do not load it.

/** Where the caller-scoped key is put on the event for Powertools to hash. */
export const IDEMPOTENCY_FIELD = 'idempotencyScope';

/** Where the request the key stands for (method, path, body) is put, for Powertools to validate. */
export const IDEMPOTENCY_PAYLOAD = 'idempotencyPayload';

/** Keys longer than this are refused; they would only be hashed anyway. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;
