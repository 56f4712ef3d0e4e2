import type { TemplatePart, TemplateStandard } from '../model/facts/template.js';
import { kindName } from '../model/text/section-kinds.js';
import type { ActionItemFieldName } from '../model/facts/action-items.js';
import { excerpt } from '../model/text/normalize.js';

/**
 * What `pm-lint init --template` writes: a commented configuration that makes the team's
 * template the standard (`template:`), or, with `--inline`, the same standard as explicit
 * rule options. Either way it lists what pm-lint read in the template, so that the team can
 * check it before the first run.
 */

export interface TemplateConfigOptions {
  /** The template's path relative to the configuration's directory, '/'-separated. */
  templatePath: string;
  /** Write the sections as required-sections options instead of `template:`. */
  inline: boolean;
  /** Extra lines to say in the header (a mis-encoded template). */
  notes: string[];
  /** no-placeholders' own instruction phrases: its `instructions` option replaces them, so `--inline` writes them too. */
  defaultInstructions?: readonly string[];
}

/** The action-item fields required by default (action-item-fields' `require`). */
const DEFAULT_REQUIRED_FIELDS: readonly ActionItemFieldName[] = ['owner', 'priority', 'due'];
const FIELD_NAMES: Record<ActionItemFieldName, string> = { owner: 'Owner', priority: 'Priority', due: 'Due date', status: 'Status', ticket: 'Ticket' };
const SHOWN_BLOCKS = 12;
const SHOWN_PLACEHOLDERS = 12;
/** Longest example or instruction written as a phrase of no-placeholders (`--inline`). */
const MAX_PHRASE_LENGTH = 200;

const quote = (text: string) => JSON.stringify(text);
/** A line of a YAML comment: one line, not too long. */
const commentText = (text: string, max = 96) => excerpt(text, max);

/** Splits a text into lines of at most `width` characters, at spaces. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}

function partKind(part: TemplatePart): string {
  return part.kinds.length > 0 ? part.kinds.join(', ') : 'own title';
}

/** The action-item fields the template's tables hold (every table must hold one for it to count). */
function requiredActionItemFields(standard: TemplateStandard): ActionItemFieldName[] | null {
  if (standard.actionItemTables.length === 0) return null;
  const required = DEFAULT_REQUIRED_FIELDS.filter((field) => standard.actionItemTables.every((table) => table.fields.includes(field)));
  return required.length === DEFAULT_REQUIRED_FIELDS.length ? null : required;
}

function uniqueColumns(standard: TemplateStandard): string[][] {
  const seen = new Set<string>();
  const lists: string[][] = [];
  for (const table of standard.actionItemTables) {
    const key = table.columns.join('\u0000');
    if (!seen.has(key)) {
      seen.add(key);
      lists.push(table.columns);
    }
  }
  return lists;
}

/** The summary `init --template` prints: what was read, and what could not be classified. */
export function templateSummary(standard: TemplateStandard, shown: string): string[] {
  const top = standard.parts.filter((part) => part.level === 1);
  const sub = standard.parts.length - top.length;
  const metadata = standard.fields.filter((field) => field.metadata);
  const columns = uniqueColumns(standard);
  const examples = standard.blocks.filter((block) => block.kind === 'example').length;
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const lines = [
    `Read ${shown}: ${count(top.length, 'section')}${sub > 0 ? ` (and ${count(sub, 'sub-section')})` : ''}, ${count(metadata.length, 'metadata field')}, ` +
      `${count(standard.actionItemTables.length, 'action-item table')}, ${count(standard.placeholders.length, 'placeholder')}, ` +
      `${standard.blocks.length - examples} instruction and ${examples} example blocks.`,
  ];
  top.forEach((part, i) => lines.push(`  ${i + 1}. ${part.title} → ${part.kinds.length > 0 ? part.kinds.join(', ') : '(own title)'}${part.optional ? ' (optional)' : ''}`));
  if (metadata.length > 0) lines.push(`Metadata fields: ${metadata.map((field) => field.label).join(', ')}`);
  for (const list of columns) lines.push(`Action-item columns: ${list.join(', ')}`);
  const unclassified = top.filter((part) => part.kinds.length === 0).map((part) => part.title);
  lines.push(
    unclassified.length > 0
      ? `Could not classify (required under their own title): ${unclassified.join(', ')}`
      : 'Every section names a known kind.',
  );
  return lines;
}

/** The commented configuration `init --template` writes. */
export function templateConfig(standard: TemplateStandard, options: TemplateConfigOptions): string {
  const { templatePath, inline } = options;
  const out: string[] = [];
  const line = (text = '') => out.push(text);
  line(`# pm-lint configuration, written by "pm-lint init --template ${templatePath}${inline ? ' --inline' : ''}".`);
  line('# Your template as the standard: https://github.com/pm-lint/pm-lint#your-template');
  for (const note of options.notes) for (const [i, part] of wrap(note, 88).entries()) line(`# ${i === 0 ? 'Note: ' : '      '}${part}`);
  line('$schema: ./node_modules/pm-lint/schema/pmlintrc.schema.json');
  line('extends: pm-lint:recommended');
  line();
  if (!inline) {
    line('# Every postmortem must have the sections of your template (those marked "(optional)" in');
    line('# it aside), and text or values left from it are reported. pm-lint reads the template on');
    line('# every run: edit it, and the standard follows.');
    line(`template: ${quote(templatePath)}`);
    line();
  }
  describe(standard, line);
  line();
  const ruleLines: string[] = [];
  const required = requiredActionItemFields(standard);
  if (required) {
    const missing = DEFAULT_REQUIRED_FIELDS.filter((field) => !required.includes(field)).map((field) => FIELD_NAMES[field]);
    ruleLines.push(`  # The template's action-item tables have no ${missing.join(' or ')} column: not required.`);
    ruleLines.push(`  action-item-fields: [error, { require: [${required.join(', ')}] }]`);
  }
  if (inline) ruleLines.push(...inlineRules(standard, options.defaultInstructions ?? []));
  line(ruleLines.length > 0 ? 'rules:' : 'rules: {}');
  for (const ruleLine of ruleLines) line(ruleLine);
  if (!inline) {
    line('#  required-sections:');
    line('#    - error');
    line("#    - order: true          # in the template's order");
    line('#      templateLevels: 2    # its sub-sections too');
  }
  line();
  line('# Files pm-lint never lints: the template itself.');
  line('ignores:');
  line(`  - ${quote(templatePath.includes('/') ? templatePath : `/${templatePath}`)}`);
  line();
  line('# Different rules for the most severe incidents (a document\'s metadata selects them):');
  line('# overrides:');
  line('#   - when: { severity: [SEV-1, SEV-2] }');
  line('#     rules:');
  line('#       required-sections: [error, { sections: [{ name: Customer communication }, { kind: root-cause, name: Five whys, aliases: [5 whys] }] }]');
  line();
  const directory = templatePath.includes('/') && !templatePath.startsWith('../') ? templatePath.slice(0, templatePath.lastIndexOf('/')) : 'docs/postmortems';
  line(`# "pm-lint new" creates postmortems here, from ${inline ? 'the template' : 'the template (template:)'}.`);
  line('scaffold:');
  line(`  directory: ${quote(directory)}`);
  if (inline) line(`  template: ${quote(templatePath)}`);
  return `${out.join('\n')}\n`;
}

/** What was read, as comments. */
function describe(standard: TemplateStandard, line: (text?: string) => void): void {
  line('# What pm-lint read in the template:');
  line('#');
  line('# Sections, in order, with the kind each names ("own title": found only under its own title):');
  let number = 0;
  for (const part of standard.parts) {
    const indent = '  '.repeat(part.level - 1);
    const label = part.level === 1 ? `${++number}.` : '-';
    const extra = [part.optional ? 'optional' : '', part.level > 1 ? `required with templateLevels: ${part.level}` : ''].filter(Boolean).join('; ');
    line(`#   ${indent}${label} ${commentText(part.title, 60)} → ${partKind(part)}${extra ? ` (${extra})` : ''}`);
  }
  const metadata = standard.fields.filter((field) => field.metadata);
  const other = standard.fields.filter((field) => !field.metadata && field.values.length > 0);
  if (metadata.length > 0) line(`# Metadata fields: ${commentText(metadata.map((field) => field.label).join(', '), 200)}`);
  if (other.length > 0) {
    for (const [i, part] of wrap(`Fields in sections (${other.length}): ${other.map((field) => field.label).join(', ')}`, 92).entries()) line(`# ${i > 0 ? '  ' : ''}${part}`);
  }
  for (const columns of uniqueColumns(standard)) line(`# Action-item table columns: ${columns.join(', ')}`);
  if (standard.placeholders.length > 0) {
    const shown = standard.placeholders.slice(0, SHOWN_PLACEHOLDERS).map((text) => commentText(text, 40)).join(', ');
    line(`# Placeholders (${standard.placeholders.length}): ${shown}${standard.placeholders.length > SHOWN_PLACEHOLDERS ? ', …' : ''}`);
  }
  if (standard.blocks.length > 0) {
    line(`# Instructions and examples (${standard.blocks.length}), reported when a postmortem leaves one in:`);
    for (const block of standard.blocks.slice(0, SHOWN_BLOCKS)) line(`#   line ${block.line} (${block.kind}): ${commentText(block.text, 80)}`);
    if (standard.blocks.length > SHOWN_BLOCKS) line(`#   … and ${standard.blocks.length - SHOWN_BLOCKS} more`);
  }
}

/** required-sections and no-placeholders options that hold the template's standard without `template:`. */
function inlineRules(standard: TemplateStandard, defaultInstructions: readonly string[]): string[] {
  const lines = [
    "  # The template's sections (a section found under a title of its kind counts, as with any",
    '  # configured section; with `template:` instead, one place answers for one section only).',
    '  required-sections:',
    '    - error',
    '    - sections:',
  ];
  for (const part of standard.parts.filter((candidate) => candidate.level === 1)) {
    const spec: string[] = [];
    if (part.kinds[0]) spec.push(`kind: ${part.kinds[0]}`);
    spec.push(`name: ${quote(part.title)}`);
    if (part.kinds[0] && part.title !== kindName(part.kinds[0])) spec.push(`aliases: [${quote(part.title)}]`);
    if (part.optional) spec.push('required: false');
    lines.push(`        - { ${spec.join(', ')} }`);
  }
  const phrases = standard.blocks.filter((block) => block.kind === 'example' && block.text.length <= MAX_PHRASE_LENGTH && !block.text.includes('\uFFFD'));
  if (phrases.length > 0) {
    lines.push("  # The template's examples, reported when left in (after pm-lint's own instruction phrases).");
    lines.push('  no-placeholders:', '    - error', '    - instructions:');
    for (const phrase of [...defaultInstructions, ...new Set(phrases.map((block) => block.text))]) lines.push(`        - ${quote(phrase)}`);
  }
  return lines;
}
