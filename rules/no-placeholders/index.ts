import type { Nodes, Parents } from 'mdast';
import { defineRule } from '../../src/engine/types.js';
import { findMojibake } from '../../src/model/index.js';
import { normalizeText } from '../../src/model/index.js';
import {
  choiceAlternatives, exampleHost, findBlanks, findBrackets, findCheckboxGroups, findExampleUrls, findMarkers,
  findMasks, isMarkerValue, type PlaceholderMatch,
} from '../../src/model/index.js';
import { PostmortemDocument, SectionFilter, textRuns, type Section, type TextRun } from '../../src/model/index.js';

interface Categories {
  brackets: boolean;
  blanks: boolean;
  choices: boolean;
  markers: boolean;
  exampleDomains: boolean;
  instructions: boolean;
}

interface Options {
  categories: Categories;
  instructions: string[];
  exampleLabels: string[];
  allow: string[];
  ignoreSections: string[];
}

type Category = keyof Categories;

interface Finding {
  start: number;
  end: number;
  category: Category;
  messageId: string;
  data: Record<string, string>;
}

/** Instructions left in by the templates postmortems start from (see ../shared/seeds). */
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
];
const DEFAULT_EXAMPLE_LABELS = ['Example', 'Examples', 'For example', 'Example output', 'Template', '예시', '例', '示例'];

/** Fields and columns that hold one value: a list of alternatives there is a choice not made. */
const SINGLE_VALUE_KEYS = new Set(['severity', 'priority', 'status']);
const SINGLE_VALUE_COLUMNS = new Set(['severity', 'sev', 'priority', 'status', 'state']);

/** What may surround a placeholder on its line for it to stand alone: list markers, emphasis, a label. */
const LINE_PREFIX = /^[ \t]*(?:>[ \t]?)*(?:#{1,6}[ \t]+)?(?:(?:[-*+]|\d{1,3}[.)])[ \t]+)?(?:\[[ xX]\][ \t]+)?/;
const TIME_PREFIX = /^[ \t]*~?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*(?:UTC|[AaPp]\.?[Mm]\.?))?[ \t]*[-–—:|]?/;
const LABEL_PREFIX = /^[^:\n]{1,60}:(?!\/)/;
const INLINE_MARKERS = /[*_`~]/g;
const BRACKETS_IN_LINE = /\[[^[\]\n]{0,300}\]/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SENTENCE_END = /[.!?](?=\s|$)/g;

const MESSAGES = {
  bracket: 'Unfilled placeholder "{{text}}": replace it with the actual content.',
  blank: 'Unfilled blank "{{text}}": write the actual value.',
  mask: 'Unfilled format mask "{{text}}": write the actual value.',
  choice: 'Unselected choice "{{text}}": keep only the value that applies.',
  noneTicked: 'No option ticked in "{{text}}": tick the one that applies ([x]).',
  severalTicked: 'Several options ticked in "{{text}}": tick only the one that applies.',
  marker: 'Unfinished "{{text}}" left in: write the actual content.',
  exampleDomain: 'Link to the reserved example domain "{{host}}" (RFC 2606): replace it with the real address.',
  instruction: 'Template instruction left in: "{{text}}"; replace it with the actual content or remove it.',
  example: 'Template example "{{text}}" left in: replace the example with this incident\'s facts, or remove it.',
} as const;

type MessageId = keyof typeof MESSAGES;

/** Per-options work, done once per options object. */
interface Prepared {
  /** Every instruction phrase in one case-insensitive pattern, or null when there is none. */
  instructionPattern: RegExp | null;
  exampleLabels: Set<string>;
  allow: Set<string>;
  ignored: SectionFilter;
}

function prepare(options: Options): Prepared {
  return {
    instructionPattern:
      options.instructions.length > 0
        ? new RegExp(options.instructions.map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i')
        : null,
    exampleLabels: new Set(options.exampleLabels.map(normalizeText)),
    allow: new Set(options.allow.map((text) => text.trim().toLowerCase())),
    ignored: new SectionFilter(options.ignoreSections),
  };
}

const isLink = (node: Parents) => node.type === 'link' || node.type === 'linkReference';

function shown(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= 80 ? flat : `${flat.slice(0, 79)}…`;
}

/**
 * Whether a bracketed placeholder stands alone on its line (or in its table cell): nothing
 * but list markers, emphasis, a "Label:" or a time, punctuation and other brackets around
 * it ("**Duration:** [start] ~ [end] ([total])"). Brackets inside sentences are usually
 * quotes or names of settings, not placeholders.
 */
function standsAlone(document: PostmortemDocument, run: TextRun, offset: number): boolean {
  const cell = run.ancestors.find((node) => node.type === 'tableCell');
  let context: string;
  if (cell?.position) context = document.text.slice(cell.position.start.offset!, cell.position.end.offset!).replace(/^\||\|$/g, '');
  else context = document.lines.lineText(document.lines.point(offset).line);
  let rest = context.replace(BRACKETS_IN_LINE, ' ').replace(LINE_PREFIX, '').replace(INLINE_MARKERS, '');
  rest = rest.replace(TIME_PREFIX, '').replace(LABEL_PREFIX, '');
  return !LETTER_OR_DIGIT.test(rest);
}

/** The sentence around a phrase, within one text run. */
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

class Collector {
  readonly findings: Finding[] = [];
  constructor(private readonly categories: Categories) {}

  add(category: Category, messageId: MessageId, start: number, end: number, data: Record<string, string>): void {
    if (!this.categories[category] || end <= start) return;
    this.findings.push({ start, end, category, messageId, data });
  }

  /** Matches found in a string whose index i is at source offset `at(i)`. */
  addMatches(category: Category, messageId: MessageId, matches: PlaceholderMatch[], at: (index: number) => number): void {
    for (const match of matches) this.add(category, messageId, at(match.start), at(match.end), { text: shown(match.text) });
  }
}

/** Cheap tests that rule out most prose before the detectors run. */
const MAYBE_MASK = /YY|HH|XX|DD|MM|hh:mm|yyyy|[dm]{2}[-/.][dm]{2}|[XYN][ %]|\$[XYN]/;
const MAYBE_MARKER = /TB[DAC]|\?\?\?|XXX|TODO|FIXME/;

function checkTextRun(document: PostmortemDocument, run: TextRun, options: Prepared, out: Collector): void {
  const { value } = run;
  const hasBracket = value.includes('[');
  const maybeMask = MAYBE_MASK.test(value);
  const maybeMarker = MAYBE_MARKER.test(value);
  const maybeUrl = value.includes('://');
  const maybeInstruction = options.instructionPattern !== null && options.instructionPattern.test(value);
  if (!hasBracket && !maybeMask && !maybeMarker && !maybeUrl && !maybeInstruction) return;
  if (run.ancestors.some(isLink)) return;
  const at = run.offsets;
  if (hasBracket) {
    for (const match of findBrackets(value)) {
      if (match.kind === 'choice') out.add('choices', 'choice', at(match.start), at(match.end), { text: shown(match.text) });
      else if (match.telling || standsAlone(document, run, at(match.start))) {
        out.add('brackets', 'bracket', at(match.start), at(match.end), { text: shown(match.text) });
      }
    }
    checkCheckboxes(document, run, out);
  }
  if (maybeMask) out.addMatches('blanks', 'mask', findMasks(value), at);
  if (maybeMarker) {
    // A whole cell is judged with its column (a "TODO" status is a status), in checkTables.
    const inCell = run.ancestors.some((node) => node.type === 'tableCell');
    const markers = findMarkers(value);
    out.addMatches('markers', 'marker', inCell ? markers.filter((match) => !/^(?:TODO|FIXME)$/.test(match.text)) : markers, at);
  }
  if (maybeUrl) {
    for (const url of findExampleUrls(value)) out.add('exampleDomains', 'exampleDomain', at(url.start), at(url.end), { host: url.host });
  }
  if (maybeInstruction) {
    const pattern = new RegExp(options.instructionPattern!.source, 'gi');
    for (let m = pattern.exec(value); m; m = pattern.exec(value)) {
      const [start, end] = sentenceAround(value, m.index, m[0].length);
      out.add('instructions', 'instruction', at(start), at(end), { text: shown(value.slice(start, end)) });
      pattern.lastIndex = Math.max(pattern.lastIndex, end);
    }
  }
}

/** "[ ] P0 [ ] P1": a task box opening a list item counts as the first box of the line. */
function checkCheckboxes(document: PostmortemDocument, run: TextRun, out: Collector): void {
  const at = run.offsets;
  const item = run.ancestors.findLast((node) => node.type === 'listItem');
  const paragraph = run.ancestors.at(-1);
  const leadingBox =
    item?.type === 'listItem' && typeof item.checked === 'boolean' && paragraph?.type === 'paragraph' &&
    item.children[0] === paragraph && paragraph.children[0] === run.node
      ? item.checked
      : null;
  for (const group of findCheckboxGroups(run.value, leadingBox)) {
    const start = group.start === 0 && leadingBox !== null ? taskBoxOffset(document, item!) : at(group.start);
    const text = document.text.slice(start, at(group.end));
    if (group.ticked === 0) out.add('choices', 'noneTicked', start, at(group.end), { text: shown(text) });
    else if (group.ticked > 1) out.add('choices', 'severalTicked', start, at(group.end), { text: shown(text) });
  }
}

/** Source offset of the "[ ]" of a task list item. */
function taskBoxOffset(document: PostmortemDocument, item: Nodes): number {
  const start = item.position!.start.offset!;
  const box = document.text.indexOf('[', start);
  return box === -1 ? start : box;
}

function checkFields(document: PostmortemDocument, out: Collector): void {
  for (const field of document.fields) {
    if (field.source === 'front-matter') {
      checkFrontMatterField(field, out);
      continue;
    }
    checkValue(field.raw, field.key, field.span.start.offset, field.span.end.offset, out);
  }
}

/** A whole value that is a marker (TBD) or an unpicked choice ("SEV-1 | SEV-2"). */
function checkValue(rawValue: string, key: string, start: number, end: number, out: Collector): void {
  const raw = rawValue.replace(/\*\*|`/g, '').trim();
  const data = { text: shown(rawValue) };
  if (isMarkerValue(raw) && !(key === 'status' && /^todo$/i.test(raw))) {
    out.add('markers', 'marker', start, end, data);
  } else if (choiceAlternatives(raw.replace(/^\[(.*)\]$/, '$1'), SINGLE_VALUE_KEYS.has(key))) {
    out.add('choices', 'choice', start, end, data);
  }
}

/**
 * Front matter is YAML, not prose: a value's brackets may be YAML syntax (a list such as
 * `authors: [Priya, Tomás]`), so each string of a list is checked on its own, where the
 * source writes it; a scalar is checked as written (quotes included, they are not brackets).
 */
function checkFrontMatterField(field: PostmortemDocument['fields'][number], out: Collector): void {
  const base = field.span.start.offset;
  const pieces: Array<{ text: string; offset: number }> = [];
  if (Array.isArray(field.data) && field.data.length === 1 && /^\[[^\]]*\]$/.test(field.raw.trim())) {
    // `authors: [Name]`: YAML reads a one-element list, the template meant a placeholder.
    pieces.push({ text: field.raw, offset: base });
  } else if (Array.isArray(field.data)) {
    let cursor = 0;
    for (const element of field.data) {
      if (typeof element !== 'string' || element === '') continue;
      const index = field.raw.indexOf(element, cursor);
      if (index === -1) continue;
      pieces.push({ text: element, offset: base + index });
      cursor = index + element.length;
    }
  } else if (typeof field.data === 'string' || typeof field.data === 'number') {
    pieces.push({ text: field.raw, offset: base });
  }
  for (const piece of pieces) {
    const at = (i: number) => piece.offset + i;
    const unquoted = piece.text.replace(/^(["'])(.*)\1$/s, '$2');
    const quoteWidth = unquoted.length === piece.text.length ? 0 : 1;
    checkValue(unquoted, field.key, at(quoteWidth), at(quoteWidth + unquoted.length), out);
    for (const match of findBrackets(piece.text)) {
      out.add(match.kind === 'choice' ? 'choices' : 'brackets', match.kind === 'choice' ? 'choice' : 'bracket', at(match.start), at(match.end), { text: shown(match.text) });
    }
    out.addMatches('blanks', 'blank', findBlanks(piece.text), at);
    out.addMatches('blanks', 'mask', findMasks(piece.text), at);
    out.addMatches('markers', 'marker', findMarkers(piece.text), at);
  }
}

function checkTables(document: PostmortemDocument, out: Collector): void {
  for (const table of document.tables) {
    for (const row of table.rows) {
      for (const cell of row.cells) {
        const { start, end } = { start: cell.span.start.offset, end: cell.span.end.offset };
        if (!cell.text) continue;
        if (isMarkerValue(cell.text) && !(cell.column === 'status' && /^todo$/i.test(cell.text))) {
          out.add('markers', 'marker', start, end, { text: shown(cell.text) });
        } else if (choiceAlternatives(cell.text, SINGLE_VALUE_COLUMNS.has(cell.column))) {
          out.add('choices', 'choice', start, end, { text: shown(cell.text) });
        }
      }
    }
  }
}

/** "**Status:**" followed by a task list: one box should be ticked. */
function checkChoiceLists(document: PostmortemDocument, out: Collector): void {
  for (const list of document.lists) {
    if (list.items.length < 2 || list.items.some((item) => item.checked === null)) continue;
    const line = list.span.start.line - 1;
    const field = document.fields.find(
      (candidate) => candidate.source === 'line' && candidate.span.end.line === line && candidate.value === '' && SINGLE_VALUE_KEYS.has(candidate.key),
    );
    if (!field) continue;
    const ticked = list.items.filter((item) => item.checked).length;
    if (ticked === 1) continue;
    const options = list.items.map((item) => item.text).join(', ');
    const data = { text: shown(`${field.label}: ${options}`) };
    out.add('choices', ticked === 0 ? 'noneTicked' : 'severalTicked', list.span.start.offset, list.span.end.offset, data);
  }
}

/** Nodes whose source is not prose: blanks are never looked for there. */
const NOT_PROSE = new Set(['code', 'inlineCode', 'html', 'yaml', 'toml', 'thematicBreak', 'definition', 'link', 'image']);

/**
 * Links and images to reserved example domains, and blanks. Blanks are read from the
 * source, outside code, HTML, links and rules: the parser takes runs of underscores for
 * emphasis ("_____%" and "$_____" on the next line become one emphasised span).
 */
function checkLinksAndBlanks(document: PostmortemDocument, out: Collector): void {
  const excluded: Array<[number, number]> = [];
  const stack: Nodes[] = [document.tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!node.position && node.type !== 'root') continue;
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && node.position) {
      const host = exampleHost(node.url);
      if (host) out.add('exampleDomains', 'exampleDomain', node.position.start.offset!, node.position.end.offset!, { host });
    }
    if (NOT_PROSE.has(node.type)) {
      excluded.push([node.position!.start.offset!, node.position!.end.offset!]);
      if (node.type !== 'link') continue;
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  const inExcluded = (offset: number) => excluded.some(([start, end]) => offset >= start && offset < end);
  const at = (index: number) => index;
  out.addMatches('blanks', 'blank', findBlanks(document.text).filter((match) => !inExcluded(match.start)), at);
}

/** A title or first line that only says "Example" (repaired first if it is mojibake: "ì˜ˆì‹œ"). */
function isExampleLabel(text: string, labels: Set<string>): boolean {
  let title = text.trim();
  if (title.length > 60) return false;
  for (const run of findMojibake(title).reverse()) if (!run.lossy) title = title.slice(0, run.start) + run.repaired + title.slice(run.end);
  const normalized = normalizeText(title.replace(/\([^)]*\)/g, ''));
  if (labels.has(normalized)) return true;
  // "Detailed Timeline Example"
  const words = normalized.split(' ');
  return words.length <= 4 && labels.has(words.at(-1)!) && words.length > 1 && !labels.has(normalized.split(' ')[0]!);
}

/**
 * "Example:" blocks copied from a template: the marker is reported (not every line of the
 * example), when the section around it also holds other unfilled template text — an
 * example in a finished postmortem is content.
 */
function checkExamples(document: PostmortemDocument, labels: Set<string>, out: Collector): void {
  const found = out.findings.slice();
  const hasFindingIn = (section: Section | null, except: number) => {
    const start = section ? section.extent.start : 0;
    const end = section ? section.extent.end : document.text.length;
    return found.some((finding) => finding.start >= start && finding.start < end && finding.start !== except);
  };
  for (const section of document.sections) {
    if (section.content.length === 0 || !isExampleLabel(section.title, labels)) continue;
    if (!hasFindingIn(section.parent ?? section, section.span.start.offset)) continue;
    out.add('instructions', 'example', section.span.start.offset, section.span.end.offset, { text: shown(section.title) });
  }
  for (const paragraph of document.paragraphs) {
    if (paragraph.quoted || paragraph.listItem) continue;
    const firstLine = paragraph.text.split('\n')[0]!;
    if (!/:\s*$/.test(firstLine) || !isExampleLabel(firstLine.replace(/:\s*$/, ''), labels)) continue;
    const start = paragraph.span.start.offset;
    const end = document.lines.lineEnd(paragraph.span.start.line);
    const followed = paragraph.text.includes('\n') || document.text.slice(paragraph.span.end.offset).trim() !== '';
    if (!followed || !hasFindingIn(paragraph.section, start)) continue;
    out.add('instructions', 'example', start, end, { text: shown(firstLine) });
  }
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
        description: 'Turn kinds of placeholders on or off: `brackets`, `blanks` (blanks and format masks), `choices`, `markers`, `exampleDomains`, `instructions` (instructions and example blocks).',
        properties: {
          brackets: { type: 'boolean', default: true, description: 'Bracketed instructions and names: "[Name]", "[Link to …]".' },
          blanks: { type: 'boolean', default: true, description: 'Blanks and masks: "__________", "YYYY-MM-DD", "XX%".' },
          choices: { type: 'boolean', default: true, description: 'Choices left unselected: "SEV-1 | SEV-2", "[ ] P0 [ ] P1".' },
          markers: { type: 'boolean', default: true, description: '"TBD", "TODO", "FIXME", "???", "XXX" as a value.' },
          exampleDomains: { type: 'boolean', default: true, description: 'Links to example.com, example.org, example.net.' },
          instructions: { type: 'boolean', default: true, description: 'Template instructions and "Example:" blocks.' },
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
    const options = context.options;
    const ready = context.prepared;
    const out = new Collector(options.categories);
    for (const run of textRuns(document.tree, document.text)) checkTextRun(document, run, ready, out);
    checkFields(document, out);
    checkTables(document, out);
    checkChoiceLists(document, out);
    checkLinksAndBlanks(document, out);
    if (options.categories.instructions) checkExamples(document, ready.exampleLabels, out);

    for (const finding of deduplicate(out.findings)) {
      const text = document.text.slice(finding.start, finding.end).trim().toLowerCase();
      if (ready.allow.has(text) || ready.allow.has(text.replace(/^\[(.*)\]$/, '$1'))) continue;
      if (ready.ignored.covers(document.sectionAt(finding.start))) continue;
      context.report({ offsets: { start: finding.start, end: finding.end }, messageId: finding.messageId, data: finding.data });
    }
  },
});
