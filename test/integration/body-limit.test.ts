// A body over the limit is refused with 413: by the handler chain past MAX_BODY_BYTES, as on AWS;
// past Lambda's 6 MB payload limit the gateway stops reading and closes the connection cleanly, so
// the client's next request (on a fresh connection) works instead of failing on a torn-down socket.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem({ maxBodyBytes: 2_000 });
});
afterAll(() => sys.stop());

describe('a body over the limit', () => {
  it('is answered 413 with Connection: close, and the connection ends without a reset, past what Lambda takes', async () => {
    const { port } = new URL(sys.url);
    const socket = connect(Number(port), '127.0.0.1');
    const body = 'x'.repeat(6 * 1024 * 1024 + 1);
    let answer = '';
    const ended = new Promise<string>((resolve) => {
      socket.on('data', (d: Buffer) => (answer += d.toString()));
      socket.on('end', () => resolve('end'));
      socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    });
    socket.write(
      `POST /v1/gangway/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: keep-alive\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    socket.write(body);
    expect(await ended).toBe('end');
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer.toLowerCase()).toContain('connection: close');
    expect(answer).toContain('"PAYLOAD_TOO_LARGE"');
  });

  it('leaves the client able to send its next request', async () => {
    for (let i = 0; i < 5; i++) {
      const tooBig = await sys.request('POST', '/v1/gangway/events', { rawBody: 'x'.repeat(200_000) });
      expect(tooBig.status).toBe(413);
      const next = await sys.request('GET', '/v1/health');
      expect(next.status).toBe(200);
    }
  });
});
