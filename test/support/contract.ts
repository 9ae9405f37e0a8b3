// Every answer the integration tests receive is checked against the OpenAPI document: the route
// must be documented, the status must be one the route documents, and the body must match that
// status's schema (responses forbid fields they do not document). A new route passes only once
// the route table describes what it answers.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { openApiDocument } from '#functions/platform/openapi.ts';

interface Operation {
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
}

const document = openApiDocument();
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
ajv.addSchema({ $id: 'openapi', components: document.components });

const templates = Object.keys(document.paths).map((template) => ({
  template,
  pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\}/g, '[^/]+')}$`),
}));
const validators = new Map<string, ValidateFunction>();
/** The error envelope, as the document names it for answers. */
const ERROR_COMPONENT = (
  (document.paths['/v1/health'] as Record<string, Operation>).get!.responses['429']!.content!['application/json']!
    .schema as { $ref: string }
).$ref.replace('#/components/schemas/', '');

/** Paths the embedded runtime serves besides the API: the dashboard, its sign-in and live events. */
const LOCAL_ONLY = /^\/(?:$|index\.html|assets\/|config\.json$|_local\/)/;

/** Throws, saying what is undocumented or wrong, unless the answer is one the contract allows. */
export function assertDocumented(
  method: string,
  url: string,
  status: number,
  body: unknown,
  contentType = 'application/json',
): void {
  const { pathname } = new URL(url, 'http://localhost');
  if (LOCAL_ONLY.test(pathname)) return;
  const template = templates.find((t) => t.pattern.test(pathname))?.template;
  const operation =
    template && (document.paths[template] as Record<string, Operation | undefined>)[method.toLowerCase()];
  if (!operation) {
    // An unknown route is answered 404 with the error envelope; anything else is an undocumented route.
    if (status === 404) {
      check(ERROR_COMPONENT, `404 for ${method} ${pathname}`, body);
      return;
    }
    throw new Error(
      `${method} ${pathname} answered ${status} but is not in the OpenAPI document: give its route responses and errors in the route table`,
    );
  }
  const response = operation.responses[String(status)];
  if (!response) {
    throw new Error(
      `${method} ${template} answered ${status}, which its route does not document (documented: ${Object.keys(operation.responses).join(', ')}); add it to the route's errors`,
    );
  }
  const media = contentType.split(';')[0]!.trim();
  if (!response.content) return;
  const documented = response.content[media]?.schema as { $ref?: string; type?: string } | undefined;
  if (!documented) {
    throw new Error(`${status} of ${method} ${template} came as ${media}, which the route does not document`);
  }
  if (documented.type === 'string') {
    if (typeof body !== 'string') throw new Error(`${status} of ${method} ${template} should be text`);
    return;
  }
  // One schema, or one of several (a 401 from the handler's envelope or from API Gateway's authoriser).
  const schema = documented as { $ref?: string; oneOf?: { $ref: string }[] };
  const components = (schema.oneOf ?? [schema as { $ref: string }]).map((s) =>
    s.$ref.replace('#/components/schemas/', ''),
  );
  const failures: string[] = [];
  for (const component of components) {
    try {
      check(component, `${status} of ${method} ${template}`, body);
      return;
    } catch (error) {
      failures.push((error as Error).message);
    }
  }
  throw new Error(failures.join('\n'));
}

function check(component: string, what: string, body: unknown): void {
  let validate = validators.get(component);
  if (!validate) {
    validate = ajv.compile({ $ref: `openapi#/components/schemas/${component}` });
    validators.set(component, validate);
  }
  if (!validate(body)) {
    const problems = (validate.errors ?? []).map(
      (e) =>
        `${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${e.params.additionalProperty})` : ''}`,
    );
    throw new Error(
      `The ${what} does not match the contract (${component}):\n  ${problems.join('\n  ')}\nbody: ${JSON.stringify(body).slice(0, 1000)}`,
    );
  }
}
