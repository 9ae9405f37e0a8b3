// Departure declarations: one immutable item per version under the call.
import { type DeclarationStore, dynamoDeclarationStore as declarations } from '#clearance/store.ts';
import type { DepartureDeclaration } from './schema.ts';

export const dynamoDepartureStore: DeclarationStore<DepartureDeclaration> =
  declarations<DepartureDeclaration>('departure');
