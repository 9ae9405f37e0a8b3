// The OpenAPI 3.1 contract, generated from the route table and its zod schemas, so the document
// cannot drift from what the handlers validate.
import * as z from 'zod';
import { ErrorBody } from '#shared/errors.ts';
import { routeList } from '#functions/routes.ts';

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
    schema: s,
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
};

export function openApiDocument() {
  const components = z.toJSONSchema(z.globalRegistry, {
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  }).schemas as Record<string, Record<string, unknown>>;
  for (const schema of Object.values(components)) {
    delete schema.$schema;
    delete schema.$id;
  }
  schemaId(ErrorBody);

  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routeList) {
    const responses: Record<string, unknown> = {};
    for (const [status, schema] of Object.entries(route.responses)) {
      responses[status] = {
        description: 'Success',
        content: route.produces
          ? { [route.produces]: { schema: { type: 'string', format: 'binary', description: schema.description } } }
          : { 'application/json': { schema: ref(schemaId(schema)) } },
      };
    }
    for (const status of route.errors ?? []) {
      responses[status] = {
        description: STATUS_TEXT[status] ?? 'Error',
        content: { 'application/json': { schema: ref('Error') } },
      };
    }
    const headers = route.idempotent
      ? [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 255 } }]
      : [];
    (paths[route.path] ??= {})[route.method.toLowerCase()] = {
      operationId: route.name,
      summary: route.summary,
      ...(route.roles !== 'public' && { security: [{ bearer: [] }], 'x-roles': route.roles }),
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

  return {
    openapi: '3.1.0',
    info: {
      title: 'Three Zeros — border clearance of sea-going vessels',
      version: '1.0.0',
      description: 'Zero waiting on arrival, zero delay on departure, zero contact at the gangway.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      },
    },
  };
}
