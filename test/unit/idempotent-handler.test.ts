// A route that honours `Idempotency-Key` is built with its middleware or not at all: a handler
// that would silently run a retried write twice never reaches a caller.
import { describe, expect, it } from 'vitest';
import { routeList } from '#functions/routes.ts';
import { httpHandler } from '#shared/http.ts';
import { idempotentHandler } from '#shared/idempotent-handler.ts';
import { ok } from '#shared/responses.ts';

const spec = { name: 'retriedWrite', roles: ['agent'] as const, idempotent: true as const };

describe('the handler of a route that honours Idempotency-Key', () => {
  it('refuses to be built without the idempotency middleware', () => {
    expect(() => httpHandler(spec).handler(async () => ok({}))).toThrow(
      'retriedWrite honours Idempotency-Key: build it with idempotentHandler',
    );
  });

  it('is built with it', () => {
    expect(typeof idempotentHandler(spec).handler(async () => ok({}))).toBe('function');
  });

  it.each(routeList.filter((r) => r.idempotent).map((r) => [r.name, r.module]))(
    'is built with it for %s, which the route table marks so',
    async (name, module) => {
      const handlers = (await import(`../../functions/${module}`)) as Record<string, unknown>;
      expect(typeof handlers[name]).toBe('function');
    },
  );
});
