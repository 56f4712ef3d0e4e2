import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { packageRoot } from '../../src/util/package-root.js';
import { COMPLETE, INCOMPLETE, tempTree } from '../helpers.js';
import { LspClient } from '../helpers/lsp-client.js';

const root = packageRoot();
const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' } });

describe('the published package', () => {
  it('holds what users need and nothing else (npm pack --dry-run)', () => {
    const [pack] = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts'], root)) as Array<{ files: Array<{ path: string }> }>;
    const files = pack!.files.map((file) => file.path).sort();
    const allowed = [
      /^package\.json$/, /^README\.md$/, /^LICENSE$/, /^schema\/pmlintrc\.schema\.json$/,
      /^rules\/[a-z-]+\/README\.md$/, /^dist\/(src|rules)\/.+\.(js|d\.ts)$/, /^dist\/cli\/[\w-]+\.js$/,
    ];
    expect(files.filter((file) => !allowed.some((pattern) => pattern.test(file)))).toEqual([]);
    const needed = [
      'package.json', 'README.md', 'LICENSE', 'schema/pmlintrc.schema.json',
      'dist/cli/bin.js', 'dist/cli/worker.js', 'dist/src/api/index.js', 'dist/src/api/index.d.ts',
      'dist/src/integrations/remark.js', 'dist/src/integrations/remark.d.ts',
      ...rules.flatMap((rule) => [`rules/${rule.id}/README.md`, `dist/rules/${rule.id}/index.js`]),
    ];
    expect(needed.filter((file) => !files.includes(file))).toEqual([]);
    expect(files.some((file) => /^(test|fixtures|examples|scripts|src)\//.test(file) || file.startsWith('dist/scripts/'))).toBe(false);

    // Every module a published file loads is a dependency or part of node (a devDependency
    // that the bundle inlines must not be imported by a published file of its own).
    const { dependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const imported = new Set<string>();
    for (const file of files.filter((path) => path.endsWith('.js'))) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const [, specifier] of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|createRequire\(import\.meta\.url\)\(\s*)["']((?:@[\w.-]+\/)?\w[\w.-]*(?:\/[\w.-]+)*)["']/g)) {
        if (isBuiltin(specifier!)) continue;
        imported.add(specifier!.split('/').slice(0, specifier!.startsWith('@') ? 2 : 1).join('/'));
      }
    }
    expect([...imported].filter((name) => !(name in dependencies))).toEqual([]);
    // The scan sees static imports, dynamic ones and createRequire(...)('yaml').
    expect(['micromark-extension-gfm-table', 'yargs', 'yaml'].filter((name) => !imported.has(name))).toEqual([]);
  });

  it('installs from its tarball into an empty project, where npx pm-lint, the API, pm-lint/remark and pm-lint lsp work', async () => {
    const project = tempTree({
      'package.json': JSON.stringify({ name: 'docs', private: true, type: 'module' }),
      'docs/postmortems/good.md': COMPLETE,
      'docs/postmortems/bad.md': INCOMPLETE,
    });
    // dist is built by npm test; packing must not rebuild it while other tests run the binary.
    npm(['pack', '--ignore-scripts', '--pack-destination', project], root);
    const tarball = readdirSync(project).find((name) => name.endsWith('.tgz'))!;
    npm(['install', '--no-save', join(project, tarball)], project);
    const lint = spawnSync('npx', ['--no-install', 'pm-lint', 'docs/postmortems', '-f', 'json'], { cwd: project, encoding: 'utf8' });
    expect(lint.status, lint.stderr).toBe(1);
    const results = JSON.parse(lint.stdout) as Array<{ filePath: string; errorCount: number }>;
    expect(results.map((result) => [result.filePath.slice(project.length + 1), result.errorCount > 0])).toEqual([
      ['docs/postmortems/bad.md', true],
      ['docs/postmortems/good.md', false],
    ]);
    expect(spawnSync('npx', ['--no-install', 'pm-lint', '--explain', 'required-sections'], { cwd: project, encoding: 'utf8' }).stdout).toMatch(/^# required-sections/);
    writeFileSync(
      join(project, 'check.mjs'),
      [
        "import { lintText, rules } from 'pm-lint';",
        "import remarkPmLint from 'pm-lint/remark';",
        "const result = lintText('# Title\\n');",
        'console.log(JSON.stringify({ rules: rules.length, errors: result.errorCount, plugin: typeof remarkPmLint }));',
      ].join('\n'),
    );
    const api = JSON.parse(execFileSync(process.execPath, ['check.mjs'], { cwd: project, encoding: 'utf8' }));
    expect(api).toEqual({ rules: rules.length, errors: 5, plugin: 'function' });
    // The language server starts from the installed package, with its own dependencies.
    const server = await LspClient.start({ cwd: project, bin: join(project, 'node_modules/pm-lint/dist/cli/bin.js') });
    try {
      const uri = await server.open(join(project, 'docs/postmortems/bad.md'), INCOMPLETE);
      expect((await server.diagnosticsFor(uri)).some((diagnostic) => diagnostic.code === 'required-sections')).toBe(true);
      expect(await server.shutdown()).toBe(0);
    } finally {
      server.kill();
    }
    expect(JSON.parse(readFileSync(join(project, 'node_modules/pm-lint/package.json'), 'utf8')).name).toBe('pm-lint');
  }, 300_000);
});
