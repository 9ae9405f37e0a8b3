// Arrival declarations: one immutable item per version under the call.
import { type DeclarationStore, dynamoDeclarationStore as declarations } from '#clearance/store.ts';
import type { ArrivalDeclaration } from './schema.ts';

export type { DeclarationStore };
export const dynamoDeclarationStore: DeclarationStore<ArrivalDeclaration> = declarations<ArrivalDeclaration>('arrival');
