// dynalite reads every query, scan and table listing through a stream over a LevelDB iterator and
// closes it with `iterator.return()`, which abstract-level's iterators (level 10, memory-level 3) do
// not have: they close with `close()`. So no iterator was ever closed. Each one the database still
// holds keeps LevelDB's memtable and table files of its moment alive, and the store's native memory
// grew with every query (about 0.5 GB a simulated port day) until the process was stopped.
// Here the two database classes dynalite opens hand out iterators that `return()` closes, and the
// store counts the ones still open, so a test can see none is left behind.

interface ClosableIterator {
  close(): Promise<void>;
  return?: () => Promise<void>;
}
interface Database {
  keys(...args: unknown[]): ClosableIterator;
  values(...args: unknown[]): ClosableIterator;
  iterator(...args: unknown[]): ClosableIterator;
}
// biome-ignore lint/suspicious/noExplicitAny: a mixin's constructor must take any[]
type DatabaseClass = new (...args: any[]) => Database;

let open = 0;

/** How many iterators the store has opened and not yet closed. */
export const openIterators = () => open;

function closable(iterator: ClosableIterator): ClosableIterator {
  open += 1;
  let counted = true;
  const close = iterator.close.bind(iterator);
  iterator.close = () => {
    if (counted) {
      counted = false;
      open -= 1;
    }
    return close();
  };
  iterator.return ??= () => iterator.close();
  return iterator;
}

/** The class with iterators that close when dynalite's streams end or are destroyed. */
export function withClosingIterators<C extends DatabaseClass>(Database: C): C {
  return class extends Database {
    override keys(...args: unknown[]) {
      return closable(super.keys(...args));
    }
    override values(...args: unknown[]) {
      return closable(super.values(...args));
    }
    override iterator(...args: unknown[]) {
      return closable(super.iterator(...args));
    }
  };
}
