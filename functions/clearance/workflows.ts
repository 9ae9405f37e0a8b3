// Which workflow clears which kind of declaration.
import type { ClearanceKind } from './schema.ts';

export const CLEARANCE_WORKFLOWS: Record<ClearanceKind, string> = {
  arrival: 'arrival-clearance',
  departure: 'departure-clearance',
};
