// Waits for a call to reach a state the test names, reading it as the given caller would.
import type { TestSystem } from './runtime.ts';

export async function callUntil(
  sys: TestSystem,
  token: string,
  callId: string,
  test: (call: any) => boolean,
  what: string,
): Promise<any> {
  for (let i = 0; i < 300; i++) {
    const call = (await sys.request('GET', `/v1/calls/${callId}`, { token })).body;
    if (test(call)) return call;
    await new Promise((r) => setTimeout(r, 20));
  }
  const last = (await sys.request('GET', `/v1/calls/${callId}`, { token })).body;
  throw new Error(
    `call ${callId} never reached ${what}: ${JSON.stringify({ status: last.status, arrival: last.arrival })}`,
  );
}
