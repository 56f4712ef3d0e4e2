import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { packageRoot } from '../../src/util/package-root.js';

it('npm run bench works end to end (generator and harness, two files, one run)', () => {
  const result = spawnSync(process.execPath, [join(packageRoot(), 'dist', 'bench', 'run.js'), '--smoke'], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  for (const tool of ['floor', 'pm-lint --concurrency 1', 'pm-lint', 'pm-lint --cache (warm)', 'markdownlint-cli2']) {
    expect(result.stdout).toMatch(new RegExp(`\\| 2 \\| [\\d.]+ \\| ${tool.replace(/[()]/g, '\\$&')} \\| [\\d.]+ \\|`));
  }
  // The big documents (their smoke sizes) and the per-byte comparison.
  expect(result.stdout.match(/^\| \d+ KB \| [\d.]+ \| [\d.]+ \| \d+ \| [\d.]+ \| [\d.]+ \|$/gm)).toHaveLength(2);
  expect(result.stdout).toMatch(/\| typical \(2 files, --concurrency 1\) \|/);
  expect(result.stdout).toContain('| target | measured | limit | met |');
});
