// The window of days an overview covers: 30 days back to 14 days ahead unless the officer names
// its ends, and never one that ends before it starts.
import { ValidationError } from '#shared/errors.ts';

const DAY = 86_400_000;

export function overviewWindow(query: { from?: string; to?: string }, now: Date): { from: string; to: string } {
  const from = query.from ?? new Date(now.getTime() - 30 * DAY).toISOString();
  const to = query.to ?? new Date(now.getTime() + 14 * DAY).toISOString();
  if (from <= to) return { from, to };
  throw new ValidationError('The request is not valid', [
    query.to
      ? {
          path: 'query.to',
          message: query.from
            ? 'is before from: the window must not end before it starts'
            : 'is before the default start of the window (30 days ago): give from as well',
        }
      : { path: 'query.from', message: 'is after the default end of the window (14 days ahead): give to as well' },
  ]);
}
