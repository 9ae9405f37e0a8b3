// The shift board's data as the API describes it (types from its zod schema, never written twice).
export type { ShiftBoard } from '../../../../functions/port/shift-schema.ts';
import type { ShiftBoard } from '../../../../functions/port/shift-schema.ts';

export type Movement = ShiftBoard['movements'][number];
export type ShipInPort = ShiftBoard['inPort'][number];
export type ShiftAlert = ShiftBoard['alerts']['items'][number];
export type ShiftReview = ShiftBoard['reviews'][number];
