// The OpenAPI 3.1 contract, generated from the route table and its zod schemas, so the document
// cannot drift from what the handlers validate.
import * as z from 'zod';
import { ErrorBody } from '#shared/errors.ts';
import { type Route, routeList } from '#functions/routes.ts';

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

function schemaId(schema: z.ZodType): string {
  const id = z.globalRegistry.get(schema)?.id;
  if (!id) throw new Error('Every request body and response schema needs .meta({ id }) for the contract');
  return id;
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, object>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    // A named schema (e.g. CallStatus) is a component of the document, not a local definition.
    schema: JSON.parse(JSON.stringify(s).replaceAll('"#/$defs/', '"#/components/schemas/')) as object,
  }));
}

const STATUS_TEXT: Record<number, string> = {
  400: 'The request is malformed; `details` names each field',
  401: 'No valid token or device signature',
  403: 'The caller may not do this',
  404: 'Not found, or not visible to the caller',
  409: 'Conflicts with the current state',
  413: 'The body or file is over its size limit',
  415: 'The body is not of a media type the route reads',
  422: 'Breaks a domain rule; `details` names each field',
  429: 'Too many requests to this route or from this caller; retry after `Retry-After` seconds',
  503: 'The store is busy or unreachable; retry after `Retry-After` seconds (the same `Idempotency-Key` is safe)',
};

/** What any route can answer besides its own errors: throttling, store trouble, and by its inputs. */
export function errorStatuses(route: Route): number[] {
  const statuses = new Set(route.errors ?? []);
  if (route.roles !== 'public') [401, 403].forEach((s) => statuses.add(s));
  if (route.body) [400, 413].forEach((s) => statuses.add(s));
  if (route.query || route.params) statuses.add(400);
  // A key sent again with another request (422), or while its first request is still running (409).
  if (route.idempotent) [409, 422].forEach((s) => statuses.add(s));
  statuses.add(429);
  // Only the contract itself is served without the store.
  if (route.path !== '/openapi.json' && route.path !== '/v1/health') statuses.add(503);
  return [...statuses].sort();
}

type Schemas = Record<string, Record<string, unknown>>;

function componentSchemas(io: 'input' | 'output', uri: (id: string) => string): Schemas {
  const schemas = z.toJSONSchema(z.globalRegistry, { io, unrepresentable: 'any', uri }).schemas as Schemas;
  for (const schema of Object.values(schemas)) {
    delete schema.$schema;
    delete schema.$id;
  }
  return schemas;
}

/**
 * Request bodies are described as a client may send them (defaults optional, unknown fields as
 * each schema says) and responses as the API sends them (every field it always sends required, no
 * field it does not document). Where the two differ a schema has a second component, `<id>Output`.
 */
function components(): { schemas: Schemas; output: (id: string) => string } {
  const plain = (id: string) => `#/components/schemas/${id}`;
  const input = componentSchemas('input', plain);
  const asOutput = componentSchemas('output', plain);
  const differs = new Set(
    Object.keys(asOutput).filter((id) => JSON.stringify(asOutput[id]) !== JSON.stringify(input[id])),
  );
  // A schema that refers to one that differs differs too.
  for (let grown = true; grown; ) {
    grown = false;
    for (const [id, schema] of Object.entries(asOutput)) {
      if (!differs.has(id) && [...differs].some((d) => JSON.stringify(schema).includes(`"${plain(d)}"`))) {
        differs.add(id);
        grown = true;
      }
    }
  }
  const outputId = (id: string) => (differs.has(id) ? `${id}Output` : id);
  const output = componentSchemas('output', (id) => plain(outputId(id)));
  const schemas: Schemas = { ...input };
  for (const id of differs) schemas[outputId(id)] = output[id]!;
  return { schemas, output: (id) => plain(outputId(id)) };
}

export function openApiDocument() {
  schemaId(ErrorBody);
  const { schemas, output } = components();

  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routeList) {
    const responses: Record<string, unknown> = {};
    for (const [status, schema] of Object.entries(route.responses)) {
      responses[status] = {
        description: 'Success',
        content: route.produces
          ? { [route.produces]: { schema: { type: 'string', format: 'binary', description: schema.description } } }
          : {
              'application/json': { schema: { $ref: output(schemaId(schema)) } },
              ...Object.fromEntries((route.alsoAs ?? []).map((media) => [media, { schema: { type: 'string' } }])),
            },
      };
    }
    // API Gateway's JWT authoriser refuses a missing or invalid token itself, before the handler.
    const byAuthoriser = route.roles !== 'public' && !route.roles.includes('device');
    for (const status of errorStatuses(route)) {
      const error = { $ref: output(schemaId(ErrorBody)) };
      responses[status] = {
        description: STATUS_TEXT[status] ?? 'Error',
        content: {
          'application/json': {
            schema: status === 401 && byAuthoriser ? { oneOf: [error, ref('GatewayMessage')] } : error,
          },
        },
      };
    }
    const headers = route.idempotent
      ? [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 255 } }]
      : [];
    (paths[route.path] ??= {})[route.method.toLowerCase()] = {
      operationId: route.name,
      summary: route.summary,
      ...(route.roles === 'public' ? { security: [] } : { security: [{ bearer: [] }], 'x-roles': route.roles }),
      parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query'), ...headers],
      ...(route.body && {
        requestBody: { required: true, content: { 'application/json': { schema: ref(schemaId(route.body)) } } },
      }),
      ...(route.upload && {
        requestBody: {
          required: true,
          description: `The file itself as the body, at most ${route.upload.maxBytes} bytes`,
          content: Object.fromEntries(
            route.upload.contentTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
          ),
        },
      }),
      responses,
    };
  }

  // API Gateway's own answer is no zod schema of ours.
  schemas.GatewayMessage = {
    type: 'object',
    description: "API Gateway's own answer, e.g. the JWT authoriser's 401 (reason in www-authenticate)",
    properties: { message: { type: 'string' } },
    required: ['message'],
    additionalProperties: false,
  };
  // Each schema once per direction it is used in: a request-only one needs no output twin, and so on.
  const referred = new Set<string>();
  const refersTo = (value: unknown) =>
    [...JSON.stringify(value).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
  for (let next = refersTo(paths); next.length; ) {
    const fresh = next.filter((id) => !referred.has(id));
    for (const id of fresh) referred.add(id);
    next = fresh.flatMap((id) => refersTo(schemas[id]));
  }
  for (const id of Object.keys(schemas)) if (!referred.has(id)) delete schemas[id];

  return {
    openapi: '3.1.0',
    info: {
      title: 'Three Zeros — border clearance of sea-going vessels',
      version: '1.0.0',
      description: 'Zero waiting on arrival, zero delay on departure, zero contact at the gangway.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      },
    },
  };
}
