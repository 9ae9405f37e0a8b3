// A synthesised template with its nested stacks' resources put back into it, each nested
// parameter replaced by what the parent passes: the app as one template, for checks that read
// one file at a time (cfn-guard's parser fails on a nested template's references to its
// parameters) and for assertions about "every route" wherever its stack is.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

type Json = unknown;
export interface TemplateJson {
  Resources: Record<string, { Type: string; Properties?: Record<string, Json>; Metadata?: Record<string, Json> }>;
  [section: string]: Json;
}

/** `value` with every `{ Ref: p }` of a parameter named in `parameters` replaced by its value. */
export function substituteParameters(value: Json, parameters: Record<string, Json>): Json {
  if (Array.isArray(value)) return value.map((v) => substituteParameters(v, parameters));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    const ref = entries.length === 1 && entries[0]![0] === 'Ref' ? entries[0]![1] : undefined;
    if (typeof ref === 'string' && Object.hasOwn(parameters, ref)) return parameters[ref];
    return Object.fromEntries(entries.map(([k, v]) => [k, substituteParameters(v, parameters)]));
  }
  return value;
}

interface AssetManifest {
  files?: Record<string, { source: { path?: string } }>;
}

/**
 * The file of each nested template in the cloud assembly, by the S3 object its parent's
 * TemplateURL names: the stack's asset manifest (beside its template) maps that hash to the file.
 */
function nestedTemplateFiles(templatePath: string): Map<string, string> {
  const manifest = templatePath.replace(/\.template\.json$/, '.assets.json');
  if (!existsSync(manifest)) return new Map();
  const { files = {} } = JSON.parse(readFileSync(manifest, 'utf8')) as AssetManifest;
  return new Map(
    Object.entries(files)
      .filter(([, f]) => f.source.path?.endsWith('.nested.template.json'))
      .map(([hash, f]) => [hash, f.source.path!]),
  );
}

/** The template at `path` with the nested stacks it names inlined. */
export function inlineNestedStacks(path: string, files = nestedTemplateFiles(path)): TemplateJson {
  const template = JSON.parse(readFileSync(path, 'utf8')) as TemplateJson;
  const resources = { ...template.Resources };
  for (const resource of Object.values(template.Resources)) {
    if (resource.Type !== 'AWS::CloudFormation::Stack') continue;
    const url = JSON.stringify(resource.Properties?.TemplateURL ?? '');
    const hash = /\/([0-9a-f]{64})\.json/.exec(url)?.[1];
    const file = hash && files.get(hash);
    if (!file) throw new Error(`No template in the assembly for the nested stack ${url}`);
    const nested = inlineNestedStacks(join(dirname(path), file), files);
    const parameters = (resource.Properties?.Parameters ?? {}) as Record<string, Json>;
    Object.assign(resources, substituteParameters(nested.Resources, parameters));
  }
  return { ...template, Resources: resources };
}
