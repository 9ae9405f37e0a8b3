// The stack's template with its nested stacks' resources merged in, so that an assertion about
// "every route" or "every policy" sees them wherever they live: the same inlining the guard rules
// read (infra/whole-template.ts), on the synthesised assembly.
import type { Stack, Stage } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { inlineNestedStacks } from '#infra/whole-template.ts';

export function wholeTemplate(stack: Stack): Template {
  const assembly = (stack.node.root as Stage).synth();
  const whole = inlineNestedStacks(assembly.getStackByName(stack.stackName).templateFullPath);
  return Template.fromJSON(whole, { skipCyclicalDependenciesCheck: true });
}
