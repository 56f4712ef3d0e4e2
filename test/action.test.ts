import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { packageRoot } from '../src/util/package-root.js';
import { COMPLETE, INCOMPLETE, tempTree } from './helpers.js';

const entry = join(packageRoot(), 'dist', 'src', 'action', 'main.js');

/** A repository with a base commit and a pull request's head commit on top. */
function pullRequestRepo() {
  const root = tempTree({
    'docs/postmortems/good.md': COMPLETE,
    'docs/postmortems/old-bad.md': INCOMPLETE,
    'README.md': '# project\n',
  });
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: root, encoding: 'utf8' }).trim();
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-qm', 'base');
  const base = git('rev-parse', 'HEAD');
  writeFileSync(join(root, 'docs/postmortems/new-bad.md'), INCOMPLETE);
  writeFileSync(join(root, 'docs/postmortems/good.md'), `${COMPLETE}\nMore text.\n`);
  writeFileSync(join(root, 'README.md'), '# project\n\nchanged\n');
  git('add', '.');
  git('commit', '-qm', 'head');
  const event = join(root, 'event.json');
  writeFileSync(event, JSON.stringify({ pull_request: { number: 7, base: { sha: base }, head: { repo: { fork: false } } } }));
  return { root, event };
}

function runAction(root: string, event: string, inputs: Record<string, string>, extraEnv: NodeJS.ProcessEnv = {}) {
  const summary = join(root, 'summary.md');
  const output = join(root, 'output.txt');
  writeFileSync(summary, '');
  writeFileSync(output, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: root,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: output,
    ...extraEnv,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] = value;
  const result = spawnSync(process.execPath, [entry], { cwd: root, env, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, summary: readFileSync(summary, 'utf8'), outputs: readFileSync(output, 'utf8') };
}

describe('the GitHub Action', () => {
  it('declares the inputs users configure, with their defaults', () => {
    const action = parseYaml(readFileSync(join(packageRoot(), 'action.yml'), 'utf8'));
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['paths', 'config', 'max-warnings', 'only-changed', 'sarif-file', 'report']));
    expect(action.inputs.report.default).toBe('false');
    expect(action.runs.steps.at(-1).env.INPUT_REPORT).toBe('${{ inputs.report }}');
    expect(action.inputs.paths.default).toBe('docs/postmortems');
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps.at(-1).run).toContain('dist/src/action/main.js');
  });

  it('with only-changed, lints the Markdown files the pull request changed: annotations, summary, SARIF, outputs, exit code', () => {
    const { root, event } = pullRequestRepo();
    const run = runAction(root, event, { paths: 'docs/postmortems', 'only-changed': 'true', 'sarif-file': 'pm-lint.sarif' });
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').filter(Boolean)).toEqual([
      '::error file=docs/postmortems/new-bad.md,line=1,col=1,endLine=1,endColumn=11,title=pm-lint (required-sections)::Missing required section "Impact": add a heading such as "Impact", "Customer Impact", "User Impact", "Impact Assessment", "Business Impact".',
      '::warning file=docs/postmortems/new-bad.md,line=7,col=1,endLine=7,endColumn=12,title=pm-lint (no-empty-sections)::Section "Timeline" is empty: write its content or remove the heading.',
    ]);
    expect(run.summary).toContain('## pm-lint');
    expect(run.summary).toContain('❌ 2 files linted: 1 error, 1 warning.');
    expect(run.summary).toContain('| `docs/postmortems/good.md` | 0 | 0 |');
    expect(run.summary).toContain('| `docs/postmortems/new-bad.md` | 1 | 1 |');
    expect(run.summary).toContain('- line 1: **error** Missing required section "Impact"');
    expect(run.summary).not.toContain('old-bad');
    const sarif = JSON.parse(readFileSync(join(root, 'pm-lint.sarif'), 'utf8'));
    expect(sarif.runs[0].results.map((result: { ruleId: string }) => result.ruleId)).toEqual(['required-sections', 'no-empty-sections']);
    expect(run.outputs).toBe('error-count=1\nwarning-count=1\n');
  });

  it('lints every file under the paths without only-changed, and honours max-warnings', () => {
    const { root, event } = pullRequestRepo();
    const all = runAction(root, event, { paths: 'docs/postmortems' });
    expect(all.code).toBe(1);
    expect(all.stdout).toContain('file=docs/postmortems/old-bad.md');
    const { root: warnRoot, event: warnEvent } = pullRequestRepo();
    writeFileSync(join(warnRoot, '.pmlintrc.json'), JSON.stringify({ rules: { 'required-sections': 'off' } }));
    expect(runAction(warnRoot, warnEvent, { paths: 'docs/postmortems' }).code).toBe(0);
    const strict = runAction(warnRoot, warnEvent, { paths: 'docs/postmortems', 'max-warnings': '0' });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('::error title=pm-lint::Too many warnings (maximum: 0, found: 2).');
  });

  it('passes a config input, and fails with exit 2 and an annotation for a missing path or bad config', () => {
    const { root, event } = pullRequestRepo();
    writeFileSync(join(root, 'lenient.json'), JSON.stringify({ extends: [], rules: {} }));
    expect(runAction(root, event, { paths: 'docs/postmortems', config: 'lenient.json' })).toMatchObject({ code: 0 });
    const missing = runAction(root, event, { paths: 'postmortems' });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('pm-lint: "postmortems": no such file or directory.\n');
    const badConfig = runAction(root, event, { paths: 'docs/postmortems', config: 'nope.json' });
    expect(badConfig.code).toBe(2);
    expect(badConfig.stdout).toMatch(/^::error title=pm-lint::invalid configuration: .*nope\.json: file not found\n$/);
  });

  it('with report, adds the report on every postmortem under the paths to the job summary, also when only the changed ones are linted', () => {
    const { root, event } = pullRequestRepo();
    const github = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/ops', GITHUB_SHA: 'abc123' };
    const run = runAction(root, event, { paths: 'docs/postmortems', 'only-changed': 'true', report: 'true' }, github);
    expect(run.code).toBe(1);
    // The annotations are the changed files'; the report covers all three postmortems.
    expect(run.stdout).not.toContain('old-bad.md');
    expect(run.summary).toContain('## pm-lint');
    expect(run.summary).toContain('# Postmortem report');
    expect(run.summary).toContain('3 postmortems');
    expect(run.summary).toContain('| [docs/postmortems/old-bad.md](https://github.com/acme/ops/blob/abc123/docs/postmortems/old-bad.md) |');
    expect(runAction(root, event, { paths: 'docs/postmortems' }).summary).not.toContain('# Postmortem report');
    const all = runAction(root, event, { paths: 'docs/postmortems', report: 'true' });
    expect(all.summary).toContain('| [docs/postmortems/new-bad.md](docs/postmortems/new-bad.md) | ');
  });

  it('says so in the summary when there is no pull request to compare with', () => {
    const { root } = pullRequestRepo();
    const push = join(root, 'push.json');
    writeFileSync(push, JSON.stringify({}));
    const run = runAction(root, push, { paths: 'docs/postmortems', 'only-changed': 'true' });
    expect(run.summary).toContain('only-changed needs a pull_request (or push) event; every file was linted.');
    expect(run.stdout).toContain('old-bad.md');
  });
});
