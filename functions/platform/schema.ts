// Platform endpoints: liveness.
import * as z from 'zod';

export const Health = z
  .object({ status: z.literal('ok'), time: z.string(), version: z.string() })
  .meta({ id: 'Health' });

export const OpenApiDocument = z
  .looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) })
  .meta({ id: 'OpenApiDocument' });
