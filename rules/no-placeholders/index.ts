import { defineRule } from '../../src/engine/types.js';
import { EXAMPLE_LABELS, excerpt, isExampleLabel, normalizeText, SectionFilter } from '../../src/model/index.js';
import type { PlaceholderCategory, PlaceholderKind, PostmortemDocument, ProseBlock, Section } from '../../src/model/index.js';

interface Categories {
  brackets: boolean;
  blanks: boolean;
  choices: boolean;
  markers: boolean;
  exampleDomains: boolean;
  instructions: boolean;
  templateText: boolean;
  templateValues: boolean;
}

interface Options {
  categories: Categories;
  instructions: string[];
  exampleLabels: string[];
  allow: string[];
  ignoreSections: string[];
}

interface Finding {
  start: number;
  end: number;
  category: PlaceholderCategory;
  messageId: MessageId;
  data: Record<string, string>;
  /** What was found, compared with the `allow` option. */
  text: string;
}

/**
 * Instructions left in by the templates postmortems start from (see ../shared/seeds), and
 * by the incident template of jupyterhub/mybinder.org-deploy that many projects copy.
 * Words are matched across line breaks.
 */
const DEFAULT_INSTRUCTIONS = [
  'This template should be filled out',
  'Fill out this template',
  'Fill in this template',
  'Replace this text',
  'Delete this section',
  'Remove this section if',
  'Include key events, decisions, and actions',
  'paragraph summary of what happened',
  'sentence summary of what happened',
  'Detailed technical explanation of',
  'Include screenshots or links to',
  'Include relevant log snippets',
  'Underlying causes and contributing factors',
  'Explanation of why testing/monitoring',
  'What made this worse or prevented earlier detection',
  'Describe the final fix',
  'Any additional context, observations, or thoughts',
  'Ideally these should result in concrete action items',
  'These are good things that happened to us but not because we had planned',
  'These are only sample subheadings',
  'even a small skeleton of one',
  'If it makes sense to include a timeline for this',
  'First symptoms, possibly how they were identified',
  'These sections should be filled out once',
];
const DEFAULT_EXAMPLE_LABELS = [...EXAMPLE_LABELS];

const MESSAGES = {
  bracket: 'Unfilled placeholder "{{text}}": replace it with the actual content.',
  blank: 'Unfilled blank "{{text}}": write the actual value.',
  mask: 'Unfilled format mask "{{text}}": write the actual value.',
  emptyField: 'Empty field "{{text}}": write its value or remove the line.',
  choice: 'Unselected choice "{{text}}": keep only the value that applies.',
  noneTicked: 'No option ticked in "{{text}}": tick the one that applies ([x]).',
  severalTicked: 'Several options ticked in "{{text}}": tick only the one that applies.',
  marker: 'Unfinished "{{text}}" left in: write the actual content.',
  exampleDomain: 'Link to the reserved example domain "{{host}}" (RFC 2606): replace it with the real address.',
  instruction: 'Template instruction left in: "{{text}}"; replace it with the actual content or remove it.',
  example: 'Template example "{{text}}" left in: replace the example with this incident\'s facts, or remove it.',
  templateText: 'Text of the template left in: "{{text}}"; write this incident\'s own content in its place, or remove it.',
  templateValue: 'Field "{{label}}" still holds the template\'s value "{{text}}": write this incident\'s value.',
} as const satisfies Record<PlaceholderKind | 'example', string>;

type MessageId = keyof typeof MESSAGES;

/** Per-options work, done once per options object. */
interface Prepared {
  /** Every instruction phrase in one case-insensitive pattern (words across any whitespace), or null when there is none. */
  instructionPattern: RegExp | null;
  exampleLabels: Set<string>;
  allow: Set<string>;
  ignored: SectionFilter;
}

function prepare(options: Options): Prepared {
  const phrase = (text: string) => text.trim().split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  return {
    instructionPattern: options.instructions.length > 0 ? new RegExp(options.instructions.map(phrase).join('|'), 'gi') : null,
    exampleLabels: new Set(options.exampleLabels.map(normalizeText)),
    allow: new Set(options.allow.map((text) => text.trim().toLowerCase())),
    ignored: new SectionFilter(options.ignoreSections),
  };
}

const SENTENCE_END = /[.!?](?=\s|$)/g;

function shown(text: string): string {
  return excerpt(text, 80);
}

/** The sentence around a phrase, within one block. */
function sentenceAround(value: string, index: number, length: number): [number, number] {
  let start = 0;
  let end = value.length;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(value); m; m = SENTENCE_END.exec(value)) {
    if (m.index < index) start = m.index + 1;
    else if (m.index >= index + length - 1) {
      end = m.index + 1;
      break;
    }
  }
  while (start < end && /\s/.test(value[start]!)) start++;
  while (end > start && /\s/.test(value[end - 1]!)) end--;
  return [start, end];
}

/** The sentences of a block's prose (code, links and HTML left out) that hold an instruction phrase. */
function findInstructions(block: ProseBlock, pattern: RegExp, out: Finding[]): void {
  const { view } = block;
  const text = view.masked(['code', 'links', 'gaps']);
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const [start, end] = sentenceAround(text, m.index, m[0].length);
    const range = view.sourceRange(start, end);
    const sentence = view.text.slice(start, end);
    out.push({ ...range, category: 'instructions', messageId: 'instruction', data: { text: shown(sentence) }, text: sentence });
    pattern.lastIndex = Math.max(pattern.lastIndex, end);
  }
}

/**
 * "Example:" blocks copied from a template: the marker is reported (not every line of the
 * example), when the section around it also holds other unfilled template text — an
 * example in a finished postmortem is content.
 */
function findExamples(document: PostmortemDocument, labels: Set<string>, found: Finding[]): Finding[] {
  const examples: Finding[] = [];
  const hasFindingIn = (section: Section | null, except: number) => {
    const start = section ? section.extent.start : 0;
    const end = section ? section.extent.end : document.text.length;
    return found.some((finding) => finding.start >= start && finding.start < end && finding.start !== except);
  };
  const example = (start: number, end: number, title: string): Finding => ({
    start, end, category: 'instructions', messageId: 'example', data: { text: shown(title) }, text: title,
  });
  for (const section of document.sections) {
    if (section.content.length === 0 || !isExampleLabel(section.title, labels)) continue;
    if (!hasFindingIn(section.parent ?? section, section.span.start.offset)) continue;
    examples.push(example(section.span.start.offset, section.span.end.offset, section.title));
  }
  for (const line of document.placeholders.labelLines) {
    if (!isExampleLabel(line.text, labels) || !hasFindingIn(line.section, line.start)) continue;
    examples.push(example(line.start, line.end, `${line.text}:`));
  }
  return examples;
}

/**
 * Template text left in, where nothing above was found: a placeholder's own message says
 * more ("Unfilled placeholder "[Name]"") than "text of the template left in".
 */
function withLeftovers(kept: Finding[], leftovers: Finding[]): Finding[] {
  if (leftovers.length === 0) return kept;
  const overlaps = (a: Finding, b: Finding) => a.start < b.end && b.start < a.end;
  const added = deduplicate(leftovers.filter((leftover) => !kept.some((finding) => overlaps(finding, leftover))));
  return [...kept, ...added].sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Overlapping findings are reported once: the earliest, then the widest. */
function deduplicate(findings: Finding[]): Finding[] {
  findings.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Finding[] = [];
  let reach = -1;
  for (const finding of findings) {
    if (finding.start < reach) continue;
    kept.push(finding);
    reach = finding.end;
  }
  return kept;
}

export default defineRule<Options, Prepared>({
  id: 'no-placeholders',
  description: 'Reports template text left unfilled: bracketed placeholders, blanks and masks, unselected choices, TBD/TODO markers, example domains and template instructions.',
  severity: 'error',
  recommended: true,
  messages: { ...MESSAGES },
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      categories: {
        type: 'object',
        additionalProperties: false,
        default: {},
        description: 'Turn kinds of placeholders on or off: `brackets`, `blanks` (blanks and format masks), `choices`, `markers`, `exampleDomains`, `instructions` (instructions and example blocks), and, with a `template:` in the configuration, `templateText` and `templateValues`.',
        properties: {
          brackets: { type: 'boolean', default: true, description: 'Bracketed instructions and names: "[Name]", "[Link to …]".' },
          blanks: { type: 'boolean', default: true, description: 'Blanks and masks: "__________", "YYYY-MM-DD", "XX%".' },
          choices: { type: 'boolean', default: true, description: 'Choices left unselected: "SEV-1 | SEV-2", "[ ] P0 [ ] P1".' },
          markers: { type: 'boolean', default: true, description: '"TBD", "TODO", "FIXME", "???", "XXX" as a value.' },
          exampleDomains: { type: 'boolean', default: true, description: 'Links to example.com, example.org, example.net.' },
          instructions: { type: 'boolean', default: true, description: 'Template instructions and "Example:" blocks.' },
          templateText: {
            type: 'boolean',
            default: true,
            description: 'With a `template:` configured: a paragraph, list item, table cell or code block identical (whitespace aside) to one of the template\'s instructions or examples.',
          },
          templateValues: {
            type: 'boolean',
            default: true,
            description: 'With a `template:` configured: a field (a `Key: value` line, a row of a field table, front matter) whose value is the one the template gives it.',
          },
        },
      },
      instructions: {
        type: 'array',
        items: { type: 'string', minLength: 3 },
        default: DEFAULT_INSTRUCTIONS,
        description: 'Phrases of template instructions (matched case-insensitively in prose); the sentence holding one is reported.',
      },
      exampleLabels: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        default: DEFAULT_EXAMPLE_LABELS,
        description: 'Headings or lines ("**Example:**") that open an example copied from a template; reported when the same section has other unfilled template text.',
      },
      allow: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        default: [],
        description: 'Texts never reported, compared case-insensitively with what was found ("[sic]", "TBD").',
      },
      ignoreSections: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        default: [],
        description: 'Sections whose content is not checked, with their sub-sections, such as an appendix that quotes the template: heading titles (compared like section aliases) or section kinds (`appendix`).',
      },
    },
  },
  prepare,
  check(document, context) {
    const { categories } = context.options;
    const ready = context.prepared;
    const facts = document.placeholders;
    const findings: Finding[] = [];
    const leftovers: Finding[] = [];
    for (const found of facts.found) {
      if (!categories[found.category]) continue;
      const data: Record<string, string> =
        found.kind === 'exampleDomain' ? { host: found.host ?? '' } : found.kind === 'templateValue' ? { text: shown(found.text), label: found.label ?? '' } : { text: shown(found.text) };
      const finding: Finding = { start: found.start, end: found.end, category: found.category, messageId: found.kind, data, text: found.text };
      (found.category === 'templateText' || found.category === 'templateValues' ? leftovers : findings).push(finding);
    }
    if (categories.instructions && ready.instructionPattern) {
      for (const block of facts.prose) if (!block.transcript) findInstructions(block, ready.instructionPattern, findings);
    }
    if (categories.instructions) findings.push(...findExamples(document, ready.exampleLabels, findings));

    for (const finding of withLeftovers(deduplicate(findings), leftovers)) {
      const text = finding.text.trim().toLowerCase();
      if (ready.allow.has(text) || ready.allow.has(text.replace(/^\[(.*)\]$/, '$1'))) continue;
      if (ready.ignored.covers(document.sectionAt(finding.start))) continue;
      context.report({ offsets: { start: finding.start, end: finding.end }, messageId: finding.messageId, data: finding.data });
    }
  },
});
