// The contract passes Redocly's OpenAPI linter (its recommended rules) with nothing to report, and
// documents every error status a route can answer besides its own.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { errorStatuses, openApiDocument } from '#functions/platform/openapi.ts';
import { routeList } from '#functions/routes.ts';

const REDOCLY = fileURLToPath(new URL('../../node_modules/@redocly/cli/bin/cli.js', import.meta.url));

describe('the OpenAPI document', () => {
  it('passes redocly lint with no errors and no warnings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'openapi-lint-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(openApiDocument()));
      // Prepare/Act: the linter's own process, on the Node that runs the tests; it exits 1 on errors.
      const run = await promisify(execFile)(process.execPath, [REDOCLY, 'lint', file, '--format=json'], {
        cwd: dir,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      }).catch((error: { stdout: string }) => error);
      const report = JSON.parse(run.stdout) as { totals: { errors: number; warnings: number }; problems: unknown[] };
      expect(report.problems).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it.each(routeList.map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s documents throttling, and authentication unless public',
    (_name, route) => {
      const documented = Object.keys(
        (openApiDocument().paths[route.path] as Record<string, { responses: object }>)[route.method.toLowerCase()]!
          .responses,
      ).map(Number);
      expect(documented).toEqual(expect.arrayContaining(errorStatuses(route)));
      expect(documented).toContain(429);
      if (route.roles !== 'public') expect(documented).toEqual(expect.arrayContaining([401, 403]));
      if (route.body) expect(documented).toEqual(expect.arrayContaining([400, 413]));
    },
  );
});
