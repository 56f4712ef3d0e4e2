import { parseArgs, type ParseArgsConfig } from 'node:util';
import { FORMATS } from '../reporters/index.js';

/**
 * The arguments of a plain lint run, read without yargs: loading yargs costs about a
 * fifth of a one-file run. Anything this does not fully understand (help, version,
 * commands, other options, a repeated option, a value yargs would coerce differently)
 * returns null, and yargs parses the arguments as the reference, with its usage errors.
 */
const OPTIONS = {
  format: { type: 'string', short: 'f' },
  'output-file': { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  rule: { type: 'string', multiple: true },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  ignore: { type: 'boolean' },
  'no-ignore': { type: 'boolean' },
  'changed-since': { type: 'string' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'report-unused-disable-directives': { type: 'boolean' },
  concurrency: { type: 'string' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  plugins: { type: 'boolean' },
  'no-plugins': { type: 'boolean' },
} satisfies ParseArgsConfig['options'];

/** The first positional that yargs reads as a command rather than a path. */
const COMMANDS = new Set(['init', 'new']);

export function parseLintArguments(argv: string[]): Record<string, unknown> | null {
  if (argv.includes('--')) return null;
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
  } catch {
    return null;
  }
  const { values, positionals, tokens } = parsed;
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    // yargs turns a repeated option into an array, and "--no-x" with "--x" into one value.
    const name = token.name.replace(/^no-/, '');
    if (name !== 'rule' && seen.has(name)) return null;
    seen.add(name);
    // An option's value that looks like another option ("-f -q") is yargs' to judge.
    if (token.value !== undefined && token.inlineValue === false && token.value.startsWith('-')) return null;
  }
  if (positionals.length > 0 && COMMANDS.has(positionals[0]!)) return null;
  const format = values.format ?? 'stylish';
  if (!(FORMATS as readonly string[]).includes(format)) return null;
  const maxWarnings = values['max-warnings'];
  if (maxWarnings !== undefined && !/^-?\d+$/.test(maxWarnings)) return null;
  return {
    _: [],
    paths: positionals,
    format,
    'output-file': values['output-file'],
    config: values.config,
    rule: values.rule === undefined ? undefined : values.rule.length === 1 ? values.rule[0] : values.rule,
    'max-warnings': maxWarnings === undefined ? -1 : Number(maxWarnings),
    quiet: values.quiet ?? false,
    'list-rules': false,
    stdin: values.stdin ?? false,
    'stdin-filename': values['stdin-filename'],
    color: values['no-color'] ? false : values.color,
    ignore: values['no-ignore'] ? false : (values.ignore ?? true),
    'changed-since': values['changed-since'],
    fix: values.fix ?? false,
    'fix-dry-run': values['fix-dry-run'] ?? false,
    'report-unused-disable-directives': values['report-unused-disable-directives'] ?? false,
    concurrency: values.concurrency,
    cache: values.cache ?? false,
    'cache-location': values['cache-location'],
    plugins: values['no-plugins'] ? false : (values.plugins ?? true),
  };
}
