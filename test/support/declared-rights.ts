// Declared = used: bundles each function as its Lambda is bundled (esbuild, tree-shaken, packages
// left external) and compares the AWS clients its code can reach with the rights its table entry
// declares. A module's handlers share its wiring, so a right one handler of a module declares
// covers what its siblings can reach. The composition root (functions/wiring.ts) binds every
// adapter for every function, so what only it brings in proves nothing about a handler and is not
// counted against one; which handler really calls what is enforced at run time by the embedded
// runtime (local/grants.ts), as IAM does on AWS.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Route } from '#functions/routes.ts';
import type { Schedule } from '#functions/schedules.ts';
import { type Grants, routeGrants, taskGrants } from '#shared/grants.ts';
import type { WorkflowSpec } from '#workflows/registry.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export type Right = 'events' | 'start or answer workflows' | 'deviceKeys';

/**
 * What in a bundle shows the right is used: the package of its client (loading it is what makes
 * the call possible), or for device keys the name of their secret, since page tokens are read
 * through the same Secrets Manager client.
 */
const CLIENT_OF: Record<Right, string> = {
  events: '@aws-sdk/client-eventbridge',
  'start or answer workflows': '@aws-sdk/client-sfn',
  deviceKeys: 'DEVICE_KEY_SECRET',
};
const FOUND_BY_NAME: ReadonlySet<Right> = new Set(['deviceKeys']);

export interface FunctionEntry {
  name: string;
  module: string;
  export: string;
  grants: Grants;
}

export function functionsOf(
  routes: readonly Route[],
  workflows: readonly WorkflowSpec[],
  schedules: readonly Schedule[],
): FunctionEntry[] {
  return [
    ...routes.map((r) => ({ name: r.name, module: r.module, export: r.name, grants: routeGrants(r) })),
    ...workflows.flatMap((w) =>
      Object.entries(w.steps).map(([placeholder, s]) => ({
        name: `${w.name}/${placeholder}`,
        module: s.module,
        export: s.export,
        grants: taskGrants(s),
      })),
    ),
    ...schedules.map((s) => ({ name: s.name, module: s.module, export: s.export, grants: taskGrants(s) })),
  ];
}

function declared(grants: Grants): Set<Right> {
  const rights = new Set<Right>();
  if (grants.events) rights.add('events');
  if (grants.workflows.length) rights.add('start or answer workflows');
  if (grants.deviceKeys) rights.add('deviceKeys');
  return rights;
}

/**
 * The rights whose clients survive tree shaking in the function's bundle. `direct` leaves out
 * what only the composition root (functions/wiring.ts) brings in: it binds every adapter for
 * everyone, so which of them a handler really calls is for the runtime check to see.
 */
export function reachableRights(
  entry: Pick<FunctionEntry, 'module' | 'export'>,
  { direct = false } = {},
): Promise<Set<Right>> {
  // The code does not change between checks of one run: bundle each function once.
  const key = `${entry.module}#${entry.export}#${direct}`;
  let reach = reachCache.get(key);
  if (!reach) reachCache.set(key, (reach = bundleReach(entry, direct)));
  return reach;
}

const reachCache = new Map<string, Promise<Set<Right>>>();

async function bundleReach(entry: Pick<FunctionEntry, 'module' | 'export'>, direct: boolean): Promise<Set<Right>> {
  const result = await build({
    plugins: direct
      ? [
          {
            name: 'wiring-external',
            setup: (b) => b.onResolve({ filter: /wiring\.ts$/ }, (a) => ({ path: a.path, external: true })),
          },
        ]
      : [],
    stdin: {
      contents: `export { ${entry.export} } from './functions/${entry.module}';`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    packages: 'external',
    outfile: 'bundle.js',
    logLevel: 'silent',
  });
  const imports = new Set(Object.values(result.metafile.outputs).flatMap((o) => o.imports.map((i) => i.path)));
  const code = result.outputFiles.map((f) => f.text).join('\n');
  return new Set(
    (Object.keys(CLIENT_OF) as Right[]).filter((right) =>
      FOUND_BY_NAME.has(right)
        ? code.includes(`'${CLIENT_OF[right]}'`) || code.includes(`"${CLIENT_OF[right]}"`)
        : imports.has(CLIENT_OF[right]),
    ),
  );
}

/** Every mismatch between what functions declare and what their code can reach, as sentences. */
export async function declaredRightsProblems(entries: readonly FunctionEntry[]): Promise<string[]> {
  const reach = await Promise.all(entries.map((e) => reachableRights(e)));
  const direct = await Promise.all(entries.map((e) => reachableRights(e, { direct: true })));
  const declaredByModule = new Map<string, Set<Right>>();
  for (const entry of entries) {
    const rights = declaredByModule.get(entry.module) ?? new Set<Right>();
    for (const right of declared(entry.grants)) rights.add(right);
    declaredByModule.set(entry.module, rights);
  }
  const problems: string[] = [];
  entries.forEach((entry, i) => {
    const own = declared(entry.grants);
    for (const right of own) {
      if (!reach[i]!.has(right)) problems.push(`${entry.name} declares ${right} but its code never uses it`);
    }
    for (const right of direct[i]!) {
      if (!own.has(right) && !declaredByModule.get(entry.module)!.has(right)) {
        problems.push(`${entry.name} uses ${right} (${CLIENT_OF[right]}) but nothing in ${entry.module} declares it`);
      }
    }
  });
  return problems;
}
