import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { main, type CliIo } from '../src/cli/cli.js';
import { supportsHyperlinks } from '../src/reporters/hyperlinks.js';
import { wrap } from '../src/reporters/stylish.js';
import { packageRoot } from '../src/util/package-root.js';
import { tempTree } from './helpers.js';

const root = packageRoot();
const ANSI = /\u001B\[[0-9;]*m|\u001B\]8;;[^\u0007]*\u0007/g;

/** Runs the command line in this process, on a terminal `columns` wide. */
async function cli(args: string[], columns: number | undefined, env: Record<string, string | undefined> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: () => Buffer.alloc(0),
    cwd: root,
    isTTY: columns !== undefined,
    columns,
    env,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const columnsOf = (line: string) => stringWidth(line.replace(ANSI, ''));
/** A finding's row starts with its position; its message's continuation lines are indented. */
const FINDING_ROW = /^\d+:\d+ +(?:error|warning) /;

describe('stylish, the terminal report', () => {
  it('renders the examples at 100 columns: one line per finding, messages shortened to their statement where they do not fit, docs once, a summary', async () => {
    const json = await cli(['examples', '-f', 'json'], 100);
    const findings = (JSON.parse(json.stdout) as Array<{ messages: unknown[] }>).reduce((sum, result) => sum + result.messages.length, 0);
    expect(findings).toBe(15);

    const { code, stdout } = await cli(['examples', '--no-color'], 100);
    expect(code).toBe(1);
    const lines = stdout.split('\n');
    const footer = lines.indexOf('Rule documentation:');
    // Every line before the footer is a file's name, a finding or a blank line between files.
    const rows = lines.slice(0, footer).filter((line) => line !== '' && !/^examples\/[\w.-]+\.md(?:: no issues found)?$/.test(line));
    expect(rows).toHaveLength(findings);
    expect(rows.every((row) => FINDING_ROW.test(row))).toBe(true);
    expect(Math.max(...lines.map(columnsOf))).toBe(100);
    expect(lines.slice(0, 6)).toEqual([
      'examples/2026-01-14-search-index.md',
      '1:1   error   Missing required section "Action Items"                          required-sections',
      '1:1   error   Missing required section "Root Cause"                            required-sections',
      '14:1  warning Section "Impact" is empty                                        no-empty-sections',
      '16:1  error   Hypothesis confidences sum to 110%, expected 100% (10% over…     hypothesis-confidence',
      '',
    ]);
    // The owner "TBD" that two rules found: reported once, by the rule that names the field.
    expect(lines).toContain('36:34 error   Owner "TBD" is a placeholder (also no-placeholders)              action-item-fields');
    // A message that fits is shown whole, its advice too.
    expect(lines).toContain('37:64 warning Action item has no priority: add one of P0, P1, P2, P3, P4.      action-item-fields');
    expect(lines.slice(-16)).toEqual([
      'examples/2026-03-30-ingress-overload.md: no issues found',
      '',
      'Rule documentation:',
      '  action-item-fields     https://github.com/pm-lint/pm-lint/tree/main/rules/action-item-fields',
      '  blameless-language     https://github.com/pm-lint/pm-lint/tree/main/rules/blameless-language',
      '  hypothesis-confidence  https://github.com/pm-lint/pm-lint/tree/main/rules/hypothesis-confidence',
      '  no-empty-sections      https://github.com/pm-lint/pm-lint/tree/main/rules/no-empty-sections',
      '  no-placeholders        https://github.com/pm-lint/pm-lint/tree/main/rules/no-placeholders',
      '  required-sections      https://github.com/pm-lint/pm-lint/tree/main/rules/required-sections',
      '  timeline-order         https://github.com/pm-lint/pm-lint/tree/main/rules/timeline-order',
      '',
      '12 messages are shortened to fit 100 columns: their advice is in the rules\' documentation, and',
      '--format json gives them whole.',
      '',
      '✖ 15 problems (7 errors, 8 warnings)',
      '',
    ]);
  });

  it('fits 80 columns when the output is not a terminal, and any width from 80, one line per finding', async () => {
    const piped = await cli(['examples', '--no-color'], undefined);
    const lines = piped.stdout.split('\n');
    expect(lines.filter((line) => FINDING_ROW.test(line))).toHaveLength(15);
    expect(Math.max(...lines.map(columnsOf))).toBeLessThanOrEqual(80);
    expect(lines).toContain('16:1  error   Hypothesis confidences sum to 110%…          hypothesis-confidence');
    // Below 80 columns a docs URL (never broken) may be wider than the terminal.
    for (const columns of [88, 120, 200]) {
      const { stdout } = await cli(['examples', '--color'], columns);
      const all = stdout.split('\n');
      expect(Math.max(...all.map(columnsOf)), `${columns} columns`).toBeLessThanOrEqual(columns);
      const rows = all.map((line) => line.replace(ANSI, '')).filter((line) => FINDING_ROW.test(line));
      expect(rows).toHaveLength(15);
    }
    // At 200 columns most messages fit whole.
    const wide = await cli(['examples', '--no-color'], 200);
    expect(wide.stdout).toContain('2 messages are shortened to fit 200 columns');
    expect(wide.stdout).toContain('Missing required section "Root Cause": add a heading such as "Root Cause", "Root Causes"');
  });

  it('links rule ids to their docs (OSC 8) where the terminal shows links, never with --no-color or into a file', async () => {
    const osc8 = '\u001B]8;;https://github.com/pm-lint/pm-lint/blob/main/rules/timeline-order/README.md\u0007timeline-order\u001B]8;;\u0007';
    const linked = await cli(['examples'], 100, { TERM_PROGRAM: 'WezTerm' });
    expect(linked.stdout).toContain(osc8);
    // A link takes no columns: the rows stay within the width.
    expect(Math.max(...linked.stdout.split('\n').map(columnsOf))).toBeLessThanOrEqual(100);
    expect((await cli(['examples', '--no-color'], 100, { TERM_PROGRAM: 'WezTerm' })).stdout).not.toContain('\u001B]8;;');
    const file = join(tempTree({}), 'out.txt');
    await cli(['examples', '--color', '-o', file], 100, { TERM_PROGRAM: 'WezTerm' });
    expect(readFileSync(file, 'utf8')).not.toContain('\u001B]8;;');
    expect((await cli(['examples'], 100, {})).stdout).not.toContain('\u001B]8;;');
    expect((await cli(['examples'], 100, { TERM_PROGRAM: 'WezTerm', NO_COLOR: '1' })).stdout).not.toContain('\u001B]8;;');
  });

  it('counts the problems --fix can fix', async () => {
    const { stdout } = await cli([join('fixtures', 'text-encoding'), '--no-color', '--rule', 'text-encoding:error'], 100);
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(/^✖ \d+ problems \(\d+ errors?, \d+ warnings?\); \d+ can be fixed with --fix$/);
  });
});

describe('supportsHyperlinks', () => {
  it('reads the terminal from the environment, as supports-hyperlinks does', () => {
    expect(supportsHyperlinks({}, true)).toBe(false);
    expect(supportsHyperlinks({ TERM_PROGRAM: 'WezTerm' }, false)).toBe(false);
    expect(supportsHyperlinks({ TERM_PROGRAM: 'WezTerm', CI: 'true' }, true)).toBe(false);
    expect(supportsHyperlinks({ TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.4.19' }, true)).toBe(true);
    expect(supportsHyperlinks({ TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.0.15' }, true)).toBe(false);
    expect(supportsHyperlinks({ TERM_PROGRAM: 'vscode', TERM_PROGRAM_VERSION: '1.95.0' }, true)).toBe(true);
    expect(supportsHyperlinks({ VTE_VERSION: '7200' }, true)).toBe(true);
    expect(supportsHyperlinks({ VTE_VERSION: '4800' }, true)).toBe(false);
    expect(supportsHyperlinks({ WT_SESSION: 'x' }, true)).toBe(true);
    expect(supportsHyperlinks({ TERM: 'xterm-kitty' }, true)).toBe(true);
    expect(supportsHyperlinks({ FORCE_HYPERLINK: '1' }, false)).toBe(true);
    expect(supportsHyperlinks({ FORCE_HYPERLINK: '0', TERM_PROGRAM: 'WezTerm' }, true)).toBe(false);
  });
});

describe('wrap', () => {
  it('breaks at spaces within the width, keeps line breaks, breaks a word longer than a line, counts wide characters twice', () => {
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrap('first\nsecond line', 20)).toEqual(['first', 'second line']);
    expect(wrap('see https://example.com/a/very/long/path', 10)).toEqual(['see', 'https://ex', 'ample.com/', 'a/very/lon', 'g/path']);
    expect(wrap('근본 원인 분석', 9)).toEqual(['근본 원인', '분석']);
    expect(wrap('', 10)).toEqual(['']);
  });
});
