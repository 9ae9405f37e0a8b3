// dynalite reads an item (GetItem, and the item a put, update or delete replaces) with LevelDB's
// asynchronous get: a task for libuv's thread pool, a wake-up of the store's thread when it is done,
// a promise and a `setImmediate` around it. Here the store's own thread reads it at once, with no
// hand-off and no wake-up. On this machine 40,000 reads of a 2 KB item took 6 µs each that way and
// 14–16 µs each eight at a time through the pool, with about a third of the CPU (bench/README.md,
// "2026-12-03, afternoon"). The thread serves no other request during a read; a block that is in
// neither LevelDB's cache nor the page cache makes it wait for the disk.

interface ReadableDatabase {
  readonly status: string;
  get(key: unknown, options?: unknown): Promise<unknown>;
  getSync(key: unknown, options?: unknown): unknown;
}
// biome-ignore lint/suspicious/noExplicitAny: a mixin's constructor must take any[]
type DatabaseClass = new (...args: any[]) => ReadableDatabase;

/** The class whose `get` reads at once once the database is open (before that, as before: deferred). */
export function withSynchronousReads<C extends DatabaseClass>(Database: C): C {
  return class extends Database {
    override get(key: unknown, options?: unknown) {
      if (this.status !== 'open') return super.get(key, options);
      try {
        return Promise.resolve(this.getSync(key, options));
      } catch (error) {
        return Promise.reject(error);
      }
    }
  };
}
