// The stack's template with its nested stacks' resources merged in, so that an assertion about
// "every route" or "every policy" sees them wherever they live. A nested stack's parameters are
// put back to what the parent passes, so a reference reads as it would in one stack.
import { NestedStack, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { substituteParameters } from '#infra/whole-template.ts';

type Json = unknown;

function resourcesOf(stack: Stack): Record<string, { Type: string; Properties?: Record<string, Json> }> {
  const resources = { ...Template.fromStack(stack).toJSON().Resources };
  const children = stack.node
    .findAll()
    .filter((c): c is NestedStack => NestedStack.isNestedStack(c) && c.nestedStackParent === stack);
  for (const child of children) {
    const id = stack.resolve(child.nestedStackResource!.logicalId) as string;
    const parameters = (resources[id]?.Properties?.Parameters ?? {}) as Record<string, Json>;
    Object.assign(resources, substituteParameters(resourcesOf(child), parameters));
  }
  return resources;
}

export function wholeTemplate(stack: Stack): Template {
  return Template.fromJSON({ Resources: resourcesOf(stack) }, { skipCyclicalDependenciesCheck: true });
}
