// Polling for a state the system reaches on its own (workflows run in the background): a bounded
// number of reads, never a fixed sleep.
export async function until<T>(
  read: () => Promise<T>,
  test: (value: T) => boolean,
  what: string,
  tries = 400,
): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < tries; i++) {
    last = await read();
    if (test(last)) return last;
    await new Promise((r) => setTimeout(r, 15));
  }
  throw new Error(`never reached ${what}: ${JSON.stringify(last)?.slice(0, 800)}`);
}
