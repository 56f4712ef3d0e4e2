import type { PostmortemDocument } from '../document.js';
import { GAP, TextView } from '../text/text-view.js';
import { isHtmlComment } from '../text/html-comments.js';
import {
  choiceAlternatives, exampleHost, findBlanks, findBrackets, findCheckboxGroups, findEmptyInlineFields, findExampleUrls,
  findHeadingMarker, findMarkers, findMasks, findPlaceholderTime, findTemplateVariables, isAnglePlaceholder, isMarkerValue,
  isTemplateVariable, isUnknownValue,
  opensWithStatusLabel, type PlaceholderMatch,
} from '../text/placeholders.js';
import { isHereValue, isTemplatePrompt, promptStart } from '../text/template-prompts.js';
import { isPeopleField } from './people.js';
import { codeBlocks } from './template.js';
import type { Heading, Paragraph, TableCell } from 'mdast';
import type { Field, ParagraphModel, Section } from './types.js';
import { lowerBound, upperBound } from '../text/sorted.js';

/**
 * Template text left unfilled, found once per document (see PostmortemDocument.placeholders):
 * every candidate with its category, kind, span and text. What depends on a rule's options
 * (instruction phrases, example labels, allowed texts, ignored sections) is left to the
 * rule, which reads the prose blocks and label lines given here.
 */
export type PlaceholderCategory =
  | 'brackets' | 'blanks' | 'choices' | 'markers' | 'exampleDomains' | 'instructions' | 'templateText' | 'templateValues';
export type PlaceholderKind =
  | 'bracket' | 'blank' | 'mask' | 'emptyField' | 'choice' | 'noneTicked' | 'severalTicked' | 'marker' | 'exampleDomain'
  | 'instruction' | 'templateText' | 'templateValue';

export interface Placeholder {
  category: PlaceholderCategory;
  kind: PlaceholderKind;
  /** Source offsets [start, end). */
  start: number;
  end: number;
  /** What was found ("[Name]", "TBD", a field's raw value, a prompt's words). */
  text: string;
  /** The reserved host a link points to (kind `exampleDomain`). */
  host?: string;
  /** The field's label (kind `templateValue`). */
  label?: string;
}

/** A block of prose with its text view: where instructions and example labels are looked for. */
export interface ProseBlock {
  kind: 'paragraph' | 'heading' | 'cell';
  node: Paragraph | Heading | TableCell;
  view: TextView;
  /** The paragraph's model (kind `paragraph`). */
  paragraph: ParagraphModel | null;
  section: Section | null;
  /** A paragraph of a quoted chat transcript or log: nothing in it is template text. */
  transcript: boolean;
}

/** The first line of a paragraph that ends with a colon and is followed by more ("**Example:**" above a quote). */
export interface LabelLine {
  /** The line's text, without its colon. */
  text: string;
  /** From the paragraph's start to the end of its first source line. */
  start: number;
  end: number;
  section: Section | null;
}

export interface Placeholders {
  found: Placeholder[];
  prose: ProseBlock[];
  labelLines: LabelLine[];
  /** Paragraphs that are nothing but a template's prompts ("_What caused this situation?_"): a section holding only them is not written. */
  promptParagraphs: ReadonlySet<Paragraph>;
}

/** Fields and columns that hold one value: a list of alternatives there is a choice not made. */
const SINGLE_VALUE_KEYS = new Set(['severity', 'priority', 'status']);
const SINGLE_VALUE_COLUMNS = new Set(['severity', 'sev', 'priority', 'status', 'state']);
/** Words of a label longer than this are not fields left empty but sentences. */
const EMPTY_FIELD_LABEL_WORDS = 4;

/** What may surround a bracket on its line for it to stand alone: a time, a label. */
const TIME_PREFIX = /^[ \t]*~?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*(?:UTC|[AaPp]\.?[Mm]\.?))?[ \t]*[-–—:|]?/;
const LABEL_PREFIX = /^[^:\n]{1,60}:(?!\/)/;
const BRACKETS_IN_LINE = /\[[^[\]\n]{0,300}\]/g;
const INLINE_MARKERS = /[*_`~]/g;
/** Something written: a letter, a digit, or what the view leaves out (code, a link, an image, HTML). */
const WRITTEN = new RegExp(`[\\p{L}\\p{N}${GAP}]`, 'u');
/** Cheap tests that rule out most prose before the detectors run. */
const MAYBE_MASK = /YY|HH|XX|DD|MM|hh:mm|yyyy|[dm]{2}[-/.][dm]{2}|[XYN][ %]|\$[XYN]/;
const MAYBE_MARKER = /TB[DAC]|\?\?\?|XXX|TODO|FIXME|orem|\((?:link|url|LINK|URL)\)/;
const LINE_MARKER = /^(?:TODO|FIXME)$/;

class Collector {
  readonly found: Placeholder[] = [];

  add(category: PlaceholderCategory, kind: PlaceholderKind, start: number, end: number, text: string, host?: string, label?: string): void {
    if (end <= start) return;
    const found: Placeholder = { category, kind, start, end, text };
    if (host !== undefined) found.host = host;
    if (label !== undefined) found.label = label;
    this.found.push(found);
  }

  /** Matches in a view's text, mapped to source offsets. */
  addMatches(category: PlaceholderCategory, kind: PlaceholderKind, view: TextView, matches: readonly PlaceholderMatch[], base = 0): void {
    for (const match of matches) {
      const range = view.sourceRange(base + match.start, base + match.end);
      this.add(category, kind, range.start, range.end, match.text);
    }
  }
}

export function findPlaceholders(document: PostmortemDocument): Placeholders {
  const out = new Collector();
  const prose = proseBlocks(document);
  const context = new BlockContext(document);
  for (const block of prose) if (!block.transcript) checkBlock(document, block, context, out);
  checkFields(document, out);
  checkTables(document, out);
  checkChoiceLists(document, out);
  checkLinks(document, out);
  const notProse = notProseSpans(document);
  for (const block of prose) if (!block.transcript) checkBlanks(document, block, notProse, out);
  const promptParagraphs = checkItalicPrompts(document, out);
  checkAnglePlaceholders(document, out);
  checkHereParagraphs(document, out);
  checkEllipsisAnswers(document, out);
  checkEmptyFields(document, out);
  checkHeadingMarkers(document, out);
  checkTemplateLeftovers(document, out);
  out.found.sort((a, b) => a.start - b.start || b.end - a.end);
  return { found: out.found, prose, labelLines: labelLines(document), promptParagraphs };
}

/** Paragraphs, headings and table cells (header cells included), each with its text view. */
function proseBlocks(document: PostmortemDocument): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  for (const paragraph of document.paragraphs) {
    const { node, section, transcript } = paragraph;
    blocks.push({ kind: 'paragraph', node, view: document.textOf(node), paragraph, section, transcript });
  }
  for (const section of document.sections) {
    const node = section.heading;
    blocks.push({ kind: 'heading', node, view: document.textOf(node), paragraph: null, section, transcript: false });
  }
  for (const table of document.tables) {
    for (const row of [table.header, ...table.rows]) {
      for (const { node } of row.cells) {
        blocks.push({ kind: 'cell', node, view: document.textOf(node), paragraph: null, section: table.section, transcript: false });
      }
    }
  }
  return blocks;
}

/** What checking a block needs to know about the rest of the document, computed on first use. */
class BlockContext {
  private peopleFields: Field[] | null = null;
  private statusBoards: Set<Section | null> | null = null;

  constructor(private readonly document: PostmortemDocument) {}

  /** Whether an offset lies in the value of a `People: …` line ("**Author:** [Priya Raman]"). */
  inPeopleField(offset: number): boolean {
    this.peopleFields ??= this.document.fields.filter((field) => field.source === 'line' && isPeopleField(field));
    return this.peopleFields.some((field) => field.span.start.offset <= offset && offset < field.span.end.offset);
  }

  /** Whether a section is written as a status board: one of its blocks opens with "DONE", "DOING", "BLOCKED"… */
  isStatusBoard(section: Section | null): boolean {
    if (!this.statusBoards) {
      this.statusBoards = new Set();
      for (const paragraph of this.document.paragraphs) {
        if (this.statusBoards.has(paragraph.section)) continue;
        const view = this.document.textOf(paragraph.node);
        const lead = view.text.length - view.text.trimStart().length;
        const strong = view.strong.find((range) => range.start === lead);
        const opening = strong ? view.text.slice(strong.start, strong.end).toUpperCase() : view.text;
        if (opensWithStatusLabel(opening)) this.statusBoards.add(paragraph.section);
      }
    }
    return this.statusBoards.has(section);
  }
}

/**
 * Whether a marker stands inside a quotation of someone's words ("on-call posts: "TBD
 * whether we roll back""): what a person said then, not a gap in the document. A quotation
 * of the marker alone (`Root cause: "TBD"`) is still one.
 */
function withinQuotedWords(view: TextView, match: { start: number; end: number }): boolean {
  if (!/["“'‘]/.test(view.text)) return false;
  return view.quoted.some(
    (range) => range.start < match.start && range.end > match.end && /\p{L}{2}/u.test(view.text.slice(range.start, match.start) + view.text.slice(match.end, range.end)),
  );
}

/** Brackets, check boxes, masks, markers and bare example URLs in one block's prose (code, links and HTML left out). */
function checkBlock(document: PostmortemDocument, block: ProseBlock, context: BlockContext, out: Collector): void {
  const { view } = block;
  const text = view.masked(['code', 'links', 'gaps']);
  const hasBracket = text.includes('[');
  const maybeMask = MAYBE_MASK.test(text);
  const maybeMarker = MAYBE_MARKER.test(text);
  if (hasBracket) {
    // Whether a line holds nothing but brackets, by the offset of its start: every bracket of a line shares the answer.
    const alone = new Map<number, boolean>();
    const standsAlone = (at: number): boolean => {
      const from = block.kind === 'cell' ? 0 : text.lastIndexOf('\n', at - 1) + 1;
      let answer = alone.get(from);
      if (answer === undefined) {
        const to = block.kind === 'cell' ? -1 : text.indexOf('\n', at);
        const line = text.slice(from, to === -1 ? text.length : to);
        answer = onlyBrackets(line) && !(block.kind !== 'cell' && wrappedAround(text, from, to, line));
        alone.set(from, answer);
      }
      return answer;
    };
    for (const match of findBrackets(text)) {
      if (match.text.includes(GAP)) continue;
      const range = view.sourceRange(match.start, match.end);
      if (match.kind === 'choice') out.add('choices', 'choice', range.start, range.end, match.text);
      else if (match.telling || (standsAlone(match.start) && !context.inPeopleField(range.start))) {
        out.add('brackets', 'bracket', range.start, range.end, match.text);
      }
    }
    if (block.paragraph) checkCheckboxes(document, block, block.paragraph, text, out);
    else checkBoxGroups(document, view, text, null, null, out);
  }
  if (text.includes('{{') || text.includes('<')) out.addMatches('brackets', 'bracket', view, findTemplateVariables(text));
  const maybeVariableLine = text.includes('{') || text.includes('%');
  if (maybeMask || maybeVariableLine) {
    let lineStart = 0;
    for (const line of text.split('\n')) {
      if (maybeMask) out.addMatches('blanks', 'mask', view, findMasks(line), lineStart);
      // A line that is only a variable: "{customer_impact}", "%SEVERITY%".
      if (maybeVariableLine && isTemplateVariable(line) && !line.trim().startsWith('<')) {
        const lead = line.length - line.trimStart().length;
        out.addMatches('brackets', 'bracket', view, [{ start: lead, end: lead + line.trim().length, text: line.trim() }], lineStart);
      }
      lineStart += line.length + 1;
    }
  }
  if (maybeMarker) {
    // A whole cell is judged with its column (a "TODO" status is a status), in checkTables;
    // in a section written as a status board, "TODO:" is a status too.
    const markers = findMarkers(text).filter(
      (match) =>
        (!LINE_MARKER.test(match.text) || (block.kind !== 'cell' && !context.isStatusBoard(block.section))) &&
        !withinQuotedWords(view, match),
    );
    out.addMatches('markers', 'marker', view, markers);
  }
  if (text.includes('://')) {
    for (const url of findExampleUrls(text)) {
      const range = view.sourceRange(url.start, url.end);
      out.add('exampleDomains', 'exampleDomain', range.start, range.end, url.text, url.host);
    }
  }
  if (block.kind === 'paragraph') {
    let lineStart = 0;
    const lines = text.split('\n');
    for (const [index, line] of lines.entries()) {
      out.addMatches('blanks', 'emptyField', view, findEmptyInlineFields(line, lines[index + 1]), lineStart);
      const time = findPlaceholderTime(line);
      if (time) out.addMatches('blanks', 'mask', view, [time], lineStart);
      lineStart += line.length + 1;
    }
  }
}

/**
 * Whether a line of brackets is part of a sentence a writer's editor wrapped (Prettier's
 * `proseWrap`, an 80-column habit): the line before breaks off mid-sentence and the
 * brackets end it ("…we began upgrading" / "[scylla-authentication]."), or the line after
 * goes on with what the brackets label ("- [GitHub issue]" / "  https://…").
 */
function wrappedAround(text: string, from: number, to: number, line: string): boolean {
  const before = from > 0 ? text.slice(text.lastIndexOf('\n', from - 2) + 1, from - 1) : '';
  const after = to === -1 ? '' : text.slice(to + 1, text.indexOf('\n', to + 1) === -1 ? text.length : text.indexOf('\n', to + 1));
  if (MID_SENTENCE_END.test(before) && SENTENCE_CLOSE.test(line)) return true;
  return CONTINUED_LINE.test(after);
}
const MID_SENTENCE_END = /[\p{Ll},][ \t]*$/u;
const SENTENCE_CLOSE = /\][ \t]*[.,;][ \t]*$/;
const CONTINUED_LINE = /^[ \t]*(?:https?:\/\/|[\p{Ll}])/u;

/**
 * Whether brackets stand alone on a line (or in a cell): nothing but a label, a time,
 * punctuation and other brackets around them ("**Duration:** [start] ~ [end] ([total])").
 * Brackets inside sentences are usually quotes or names of settings.
 */
function onlyBrackets(line: string): boolean {
  let rest = line.replace(BRACKETS_IN_LINE, ' ').replace(INLINE_MARKERS, '').trimStart();
  rest = rest.replace(TIME_PREFIX, '').replace(LABEL_PREFIX, '');
  return !WRITTEN.test(rest);
}

/** "[ ] P0 [ ] P1": the task box opening a list item counts as the first box of its first line. */
function checkCheckboxes(document: PostmortemDocument, block: ProseBlock, paragraph: ParagraphModel, text: string, out: Collector): void {
  const item = paragraph.listItem;
  const leading = item && typeof item.checked === 'boolean' && item.children[0] === paragraph.node ? item.checked : null;
  const boxOffset = leading !== null ? document.text.indexOf('[', item!.position!.start.offset!) : null;
  checkBoxGroups(document, block.view, text, leading, boxOffset, out);
}

function checkBoxGroups(
  document: PostmortemDocument,
  view: TextView,
  text: string,
  leading: boolean | null,
  boxOffset: number | null,
  out: Collector,
): void {
  for (const group of findCheckboxGroups(text, leading)) {
    const end = view.sourceRange(group.start, group.end).end;
    const start = group.start === 0 && boxOffset !== null && boxOffset !== -1 ? boxOffset : view.offset(group.start);
    const written = document.text.slice(start, end);
    if (group.ticked === 0) out.add('choices', 'noneTicked', start, end, written);
    else if (group.ticked > 1) out.add('choices', 'severalTicked', start, end, written);
  }
}

function checkFields(document: PostmortemDocument, out: Collector): void {
  for (const field of document.fields) {
    if (field.source === 'front-matter') {
      checkFrontMatterField(field, out);
      continue;
    }
    checkValue(field.raw, field.key, field.span.start.offset, field.span.end.offset, out);
    if (field.source === 'line' && isUnknownValue(field.raw)) {
      out.add('markers', 'marker', field.span.start.offset, field.span.end.offset, field.raw.replace(/\*\*|`/g, '').trim());
    }
    if (field.source !== 'table' && isHereValue(field.value) && !/\]\(|<https?:/.test(field.raw)) {
      out.add('instructions', 'instruction', field.span.start.offset, field.span.end.offset, field.value);
    }
  }
}

/** A whole value that is a marker (TBD) or an unpicked choice ("SEV-1 | SEV-2"). */
function checkValue(rawValue: string, key: string, start: number, end: number, out: Collector): void {
  const raw = rawValue.replace(/\*\*|`/g, '').trim();
  if (isMarkerValue(raw) && !(key === 'status' && /^todo$/i.test(raw))) {
    out.add('markers', 'marker', start, end, rawValue);
  } else if (isTemplateVariable(raw)) {
    out.add('brackets', 'bracket', start, end, raw);
  } else if (choiceAlternatives(raw.replace(/^\[(.*)\]$/, '$1'), SINGLE_VALUE_KEYS.has(key))) {
    out.add('choices', 'choice', start, end, rawValue);
  }
}

/**
 * Front matter is YAML, not prose: a value's brackets may be YAML syntax (a list such as
 * `authors: [Priya, Tomás]`, `tags: [security]`), so each string of a list is checked on
 * its own, where the source writes it; a scalar is checked as written (quotes included,
 * they are not brackets). A one-element list is read as the template's bracket only when
 * its content gives it away (`authors: [Name]`).
 */
function checkFrontMatterField(field: Field, out: Collector): void {
  const base = field.span.start.offset;
  const pieces: Array<{ text: string; offset: number }> = [];
  const written = field.raw.trim();
  if (Array.isArray(field.data) && field.data.length === 1 && /^\[[^\]]*\]$/.test(written) && findBrackets(written).some((match) => match.telling)) {
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
    const add = (category: PlaceholderCategory, kind: PlaceholderKind, matches: readonly PlaceholderMatch[]) => {
      for (const match of matches) out.add(category, kind, at(match.start), at(match.end), match.text);
    };
    for (const match of findBrackets(piece.text)) {
      add(match.kind === 'choice' ? 'choices' : 'brackets', match.kind === 'choice' ? 'choice' : 'bracket', [match]);
    }
    add('blanks', 'blank', findBlanks(piece.text));
    add('blanks', 'mask', findMasks(piece.text));
    add('markers', 'marker', findMarkers(piece.text));
  }
}

function checkTables(document: PostmortemDocument, out: Collector): void {
  for (const table of document.tables) {
    for (const row of table.rows) {
      for (const cell of row.cells) {
        const { start, end } = { start: cell.span.start.offset, end: cell.span.end.offset };
        if (!cell.text) continue;
        if (isMarkerValue(cell.text) && !(cell.column === 'status' && /^todo$/i.test(cell.text))) {
          out.add('markers', 'marker', start, end, cell.text);
        } else if (choiceAlternatives(cell.text, SINGLE_VALUE_COLUMNS.has(cell.column))) {
          out.add('choices', 'choice', start, end, cell.text);
        } else if (isHereValue(document.textOf(cell.node).masked(['code', 'links']))) {
          out.add('instructions', 'instruction', start, end, cell.text);
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
    out.add('choices', ticked === 0 ? 'noneTicked' : 'severalTicked', list.span.start.offset, list.span.end.offset, `${field.label}: ${options}`);
  }
}

/** Links, images and reference definitions to reserved example domains. */
/** A link's destination left empty or as a bare "#". */
const EMPTY_DESTINATION = /^\s*#?\s*$/;
/** "[Back to top](#)": a bare "#" that leads to the top of the page on purpose. */
const TO_THE_TOP = /^\[[^\]]*\b(?:top|start)\b[^\]]*\]|^\[\s*[↑⬆^]\s*\]/i;

function checkLinks(document: PostmortemDocument, out: Collector): void {
  for (const link of document.links) {
    if (link.url === null || (link.kind !== 'link' && link.kind !== 'image' && link.kind !== 'definition')) continue;
    // "[Jira ticket]()", "[Runbook](#)": a link whose address was never filled in.
    if (link.kind !== 'definition' && EMPTY_DESTINATION.test(link.url)) {
      const written = document.text.slice(link.span.start.offset, link.span.end.offset);
      if (link.url.trim() === '' || !TO_THE_TOP.test(written)) out.add('brackets', 'bracket', link.span.start.offset, link.span.end.offset, written);
      continue;
    }
    const host = exampleHost(link.url);
    if (host) out.add('exampleDomains', 'exampleDomain', link.span.start.offset, link.span.end.offset, link.url, host);
  }
}

/**
 * Blanks, read from a block's source: the parser takes runs of underscores for emphasis
 * ("_____%" and "$_____" on the next line become one emphasised span). Code, links and
 * images are left out.
 */
function checkBlanks(document: PostmortemDocument, block: ProseBlock, notProse: SpanIndex, out: Collector): void {
  const { view } = block;
  const start = block.node.position?.start.offset ?? 0;
  const end = block.node.position?.end.offset ?? 0;
  if (end <= start) return;
  const source = document.text.slice(start, end);
  if (!source.includes('___')) return;
  const code = new SpanIndex(view.code.map((range) => view.sourceRange(range.start, range.end)));
  for (const match of findBlanks(source)) {
    const at = start + match.start;
    if (code.holds(at) || notProse.holds(at)) continue;
    out.add('blanks', 'blank', at, start + match.end, match.text);
  }
}

/** Spans of source, for telling in logarithmic time whether an offset lies in one. */
class SpanIndex {
  private readonly starts: number[];
  /** The furthest end of the spans up to each one (spans may nest). */
  private readonly reach: number[];

  constructor(spans: ReadonlyArray<{ start: number; end: number }>) {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    this.starts = sorted.map((span) => span.start);
    let reach = -1;
    this.reach = sorted.map((span) => (reach = Math.max(reach, span.end)));
  }

  holds(offset: number): boolean {
    const last = upperBound(this.starts, offset, (start) => start) - 1;
    return last !== -1 && this.reach[last]! > offset;
  }

  /** Whether a span lies within [start, end) or reaches into it. */
  overlaps(start: number, end: number): boolean {
    if (this.holds(start)) return true;
    // A span that starts inside [start, end).
    const first = lowerBound(this.starts, start, (offset) => offset);
    return first < this.starts.length && this.starts[first]! < end;
  }
}

/** Links, images, definitions and raw HTML: no blank is looked for in them. */
function notProseSpans(document: PostmortemDocument): SpanIndex {
  const spans = [...document.links, ...document.html].map(({ span }) => ({ start: span.start.offset, end: span.end.offset }));
  return new SpanIndex(spans);
}

/**
 * Prompts a template leaves in italics on the first lines of a section ("_What caused this
 * situation?_", "_Describe the customer impact here._"): the leading lines of the section's
 * first paragraph that are each one emphasised span, up to the first line that is not one
 * (an answer on the same line makes it a question-and-answer label).
 */
function checkItalicPrompts(document: PostmortemDocument, out: Collector): Set<Paragraph> {
  const whole = new Set<Paragraph>();
  for (const section of document.sections) {
    // An HTML comment (a pm-lint directive, a note to authors) before the prompts is not content.
    const first = section.content.find((node) => !(node.type === 'html' && isHtmlComment(node.value)));
    if (first?.type !== 'paragraph') continue;
    const view = document.textOf(first);
    const { text } = view;
    const isCommentAt = (index: number) => TextView.within(view.gaps, index) && document.text.startsWith('<!--', view.offset(index));
    // Under "## Open questions" or "## FAQ", an italic question is content.
    const known = section.kinds.length > 0 && !section.kinds.includes('open-questions');
    const emphasisAt = new Map<number, { start: number; end: number }>();
    for (const range of view.emphasis) if ((emphasisAt.get(range.start)?.end ?? -1) < range.end) emphasisAt.set(range.start, range);
    const other = new SpanIndex([...view.strong, ...view.gaps]);
    let at = 0;
    while (at < text.length) {
      let start = at;
      while (start < text.length && /[ \t.:,;]/.test(text[start]!)) start++;
      const emphasis = emphasisAt.get(start);
      if (!emphasis) break;
      let after = emphasis.end;
      while (after < text.length && (/[ \t.:,;]/.test(text[after]!) || isCommentAt(after))) after++;
      if (after < text.length && text[after] !== '\n') break;
      // Bold, an image or HTML inside: not a prompt set apart in italics.
      if (other.overlaps(emphasis.start, emphasis.end)) break;
      const words = text.slice(emphasis.start, emphasis.end);
      if (!isTemplatePrompt(words, known)) break;
      const from = emphasis.start + promptStart(words);
      const range = view.sourceRange(from, emphasis.end);
      out.add('instructions', 'instruction', range.start, range.end, text.slice(from, emphasis.end).trim());
      at = after + 1;
    }
    if (at >= text.length) whole.add(first);
  }
  return whole;
}

/**
 * `<add name here>`, `<Link to the recording>`: the parser reads them as HTML tags. Only in
 * paragraphs, table cells and HTML blocks outside block quotes.
 */
function checkAnglePlaceholders(document: PostmortemDocument, out: Collector): void {
  type Child = { type: string; value?: string; position?: { start: { offset?: number }; end: { offset?: number } } };
  // A value that is the whole of a field or a cell may be one word: `Incident commander: <name>`.
  const wholeValues = new Set<number>();
  for (const field of document.fields) if (field.source !== 'front-matter') wholeValues.add(field.span.end.offset - field.raw.trimEnd().length);
  const check = (children: ReadonlyArray<Child>, whole: (child: Child) => boolean) => {
    for (const child of children) {
      if (child.type !== 'html' || !child.position || !isAnglePlaceholder(child.value ?? '', whole(child))) continue;
      out.add('brackets', 'bracket', child.position.start.offset!, child.position.end.offset!, child.value!.trim());
    }
  };
  const fieldValue = (child: Child) => wholeValues.has(child.position!.start.offset!);
  for (const paragraph of document.paragraphs) if (!paragraph.quoted) check(paragraph.node.children, fieldValue);
  // On a line of its own, the parser reads it as an HTML block.
  for (const html of document.html) {
    if (html.block && isAnglePlaceholder(html.value)) out.add('brackets', 'bracket', html.span.start.offset, html.span.end.offset, html.value.trim());
  }
  for (const table of document.tables) {
    for (const row of table.rows) for (const cell of row.cells) check(cell.node.children, () => cell.node.children.length === 1);
  }
}

/** "Description here", "Add impact details here" as a whole paragraph. */
function checkHereParagraphs(document: PostmortemDocument, out: Collector): void {
  for (const paragraph of document.paragraphs) {
    if (paragraph.quoted) continue;
    if (isHereValue(document.textOf(paragraph.node).masked(['code', 'links']))) {
      out.add('instructions', 'instruction', paragraph.span.start.offset, paragraph.span.end.offset, paragraph.text.trim());
    }
  }
}

/**
 * "**How could time to diagnosis be improved?** ...": a bold question or label whose only
 * answer is an ellipsis, as a template leaves it ("Key: ..." lines are fields, read above).
 */
function checkEllipsisAnswers(document: PostmortemDocument, out: Collector): void {
  for (const paragraph of document.paragraphs) {
    if (paragraph.quoted || !/(?:\.{3}|…)\s*$/.test(paragraph.text)) continue;
    const view = document.textOf(paragraph.node);
    const lead = view.text.length - view.text.trimStart().length;
    const bold = view.strong.find((range) => range.start === lead);
    if (!bold || !/[?:]\s*$/.test(view.text.slice(bold.start, bold.end))) continue;
    const answer = view.text.slice(bold.end);
    const ellipsis = /^\s*(?:\.{3}|…)\s*$/.exec(answer);
    if (!ellipsis) continue;
    const start = bold.end + answer.indexOf(answer.trim());
    const range = view.sourceRange(start, start + answer.trim().length);
    out.add('markers', 'marker', range.start, range.end, answer.trim());
  }
}

/**
 * A `Key:` line left without a value between two filled ones ("Owner: @ren" / "Participants:"
 * / "Severity: SEV-3"). Most empty keys introduce what follows (a list, a table, the next
 * paragraph), so only one between filled fields, with no deeper-indented line after it,
 * counts. Quick test first: the field's neighbours must be fields. And a field table's row
 * left empty beside filled ones.
 */
function checkEmptyFields(document: PostmortemDocument, out: Collector): void {
  const lineFields = new Map<number, Field>();
  for (const field of document.fields) if (field.source === 'line') lineFields.set(field.keySpan.start.line, field);
  const filled = (field: Field | undefined) => field !== undefined && field.raw.replace(/\*\*|__|`/g, '').trim() !== '';
  const { lines } = document;
  const blank = (line: number) => lines.lineText(line).trim() === '';
  const indent = (line: number) => /^[ \t>]*/.exec(lines.lineText(line))![0].length;
  const neighbour = (line: number, step: number): number | null => {
    for (let next = line + step; next >= 1 && next <= lines.lineCount; next += step) if (!blank(next)) return next;
    return null;
  };
  for (const [line, field] of lineFields) {
    if (filled(field) || field.label.split(/\s+/).length > EMPTY_FIELD_LABEL_WORDS) continue;
    const previous = neighbour(line, -1);
    const next = neighbour(line, 1);
    if (previous === null || next === null) continue;
    if (!filled(lineFields.get(previous)) || !filled(lineFields.get(next)) || indent(next) > indent(line)) continue;
    const colon = document.text.indexOf(':', field.keySpan.end.offset);
    const end = colon === -1 || colon >= lines.lineEnd(line) ? field.keySpan.end.offset : colon + 1;
    out.add('blanks', 'emptyField', field.keySpan.start.offset, end, `${field.label}:`);
  }
  // A row of a field table whose value cell is empty while another row in its section is
  // filled: a template's question left unanswered ("| When was the incident detected? | |").
  const tableFields = document.fields.filter((field) => field.source === 'table');
  const answered = new Set(tableFields.filter(filled).map((field) => field.section));
  for (const field of tableFields) {
    if (filled(field) || !answered.has(field.section)) continue;
    out.add('blanks', 'emptyField', field.keySpan.start.offset, field.keySpan.end.offset, field.label);
  }
}

/**
 * "## Timeline {WIP}", "## Impact (TBD)", "# WIP: checkout outage": an unfinished-work
 * marker in a heading, when the rest names a known kind of section or the heading is the
 * document's title ("### Rebalance dashboards (WIP)" is the state of a project).
 */
function checkHeadingMarkers(document: PostmortemDocument, out: Collector): void {
  for (const section of document.sections) {
    const view = document.textOf(section.heading);
    const marker = findHeadingMarker(view.text);
    if (!marker) continue;
    const isTitle = document.title?.heading === section.heading;
    if (!isTitle && document.sectionKinds.resolve(marker.rest).length === 0) continue;
    const range = view.sourceRange(marker.start, marker.end);
    out.add('markers', 'marker', range.start, range.end, marker.text);
  }
}

/** First lines of paragraphs that end with a colon and are followed by more: where an "Example:" marker may stand. */
function labelLines(document: PostmortemDocument): LabelLine[] {
  const found: LabelLine[] = [];
  const lastContent = document.text.trimEnd().length;
  for (const paragraph of document.paragraphs) {
    if (paragraph.quoted || paragraph.listItem) continue;
    const view = document.textOf(paragraph.node);
    const firstLine = view.text.split('\n')[0]!;
    if (!/:\s*$/.test(firstLine)) continue;
    const followed = view.text.includes('\n') || paragraph.span.end.offset < lastContent;
    if (!followed) continue;
    found.push({
      text: firstLine.replace(/:\s*$/, ''),
      start: paragraph.span.start.offset,
      end: document.lines.lineEnd(paragraph.span.start.line),
      section: paragraph.section,
    });
  }
  return found;
}

/**
 * Text of the team's template left in (the configuration's `template:`): a paragraph, table
 * cell or code block identical, whitespace aside, to one of the template's instructions or
 * examples, and a field whose value is the one the template gives it. Exact: nothing is
 * guessed, so it holds where the patterns above are unsure ("| Incident Commander | Name |").
 */
function checkTemplateLeftovers(document: PostmortemDocument, out: Collector): void {
  const template = document.template;
  if (!template) return;
  for (const paragraph of document.paragraphs) {
    if (paragraph.transcript) continue;
    if (template.blockKind(paragraph.text)) out.add('templateText', 'templateText', paragraph.span.start.offset, paragraph.span.end.offset, paragraph.text);
  }
  for (const table of document.tables) {
    for (const row of table.rows) {
      for (const cell of row.cells) {
        if (cell.text && template.blockKind(cell.text)) out.add('templateText', 'templateText', cell.span.start.offset, cell.span.end.offset, cell.text);
      }
    }
  }
  for (const code of codeBlocks(document)) {
    if (template.blockKind(code.value)) out.add('templateText', 'templateText', code.position!.start.offset!, code.position!.end.offset!, code.value);
  }
  for (const field of document.fields) {
    if (field.value && template.isTemplateValue(field.key, field.value)) {
      out.add('templateValues', 'templateValue', field.span.start.offset, field.span.end.offset, field.value, undefined, field.label);
    }
  }
}
