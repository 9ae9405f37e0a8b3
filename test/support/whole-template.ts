// The stack's template with its nested stacks' resources merged in, so that an assertion about
// "every route" or "every policy" sees them wherever they live. A nested stack's parameters are
// put back to what the parent passes, so a reference reads as it would in one stack.
import { NestedStack, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';

type Json = unknown;

function substitute(value: Json, parameters: Record<string, Json>): Json {
  if (Array.isArray(value)) return value.map((v) => substitute(v, parameters));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0]![0] === 'Ref' && typeof entries[0]![1] === 'string') {
      const name = entries[0]![1];
      if (name in parameters) return parameters[name];
    }
    return Object.fromEntries(entries.map(([k, v]) => [k, substitute(v, parameters)]));
  }
  return value;
}

function resourcesOf(stack: Stack): Record<string, { Type: string; Properties?: Record<string, Json> }> {
  const resources = { ...Template.fromStack(stack).toJSON().Resources };
  const children = stack.node
    .findAll()
    .filter((c): c is NestedStack => NestedStack.isNestedStack(c) && c.nestedStackParent === stack);
  for (const child of children) {
    const id = stack.resolve(child.nestedStackResource!.logicalId) as string;
    const parameters = (resources[id]?.Properties?.Parameters ?? {}) as Record<string, Json>;
    Object.assign(resources, substitute(resourcesOf(child), parameters));
  }
  return resources;
}

export function wholeTemplate(stack: Stack): Template {
  return Template.fromJSON({ Resources: resourcesOf(stack) }, { skipCyclicalDependenciesCheck: true });
}
