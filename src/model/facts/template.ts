import type { Code, Nodes } from 'mdast';
import type { PostmortemDocument } from '../document.js';
import { isExampleLabel } from '../text/example-labels.js';
import { isTemplatePrompt } from '../text/template-prompts.js';
import { normalizeText, oneLine, splitTitle } from '../text/normalize.js';
import { SectionKindResolver } from '../text/section-kinds.js';
import type { ActionItemFieldName } from './action-items.js';
import type { TitledPlace, TitleForm } from './coverage.js';
import type { Field, ParagraphModel, Section } from './types.js';
import { lastAtOrBefore } from '../text/sorted.js';

/**
 * A team's own template read as the standard its postmortems follow (`template:` in the
 * configuration): its parts in order, its fields with the values it gives them, its
 * action-item columns, and the text it means to be replaced — instructions and examples.
 * Built once per run from the template's model; every check against it is a lookup.
 *
 * The parts are the template's sections in whatever form it titles them: its headings
 * when it has any (the top-level ones are level 1, their sub-sections level 2, …), or
 * else the titles of a form with no headings — bold headings, labels ("**Impact:** […]"),
 * plain title lines and the items of a numbered outline. A part is optional when its
 * title says "(optional)" or "(if applicable)", or a `<!-- pm-lint-optional -->` comment
 * stands in it.
 */

export interface TemplatePart {
  index: number;
  /** The title as written, an "(optional)" marker removed. */
  title: string;
  /** The title without its numbering ("6. Lessons Learned" → "Lessons Learned"), for messages. */
  name: string;
  /** The kinds of section the title names; empty when it names none (the part is then required by its own title). */
  kinds: string[];
  optional: boolean;
  /** 1 for the template's top-level sections, 2 for their sub-sections, … */
  level: number;
  /** The part this one is a sub-section of. */
  parent: TemplatePart | null;
  form: TitleForm;
  /** The line of the template it is titled on. */
  line: number;
  /** Whether a document's title names this part: its own title, numbering and emoji aside, or one half of a bilingual title. */
  matchesTitle(title: string): boolean;
}

export interface TemplateField {
  /** The metadata key (normalised, as Field.key). */
  key: string;
  label: string;
  /** The values the template gives it, as written (examples included). */
  values: string[];
  /** Whether it is document metadata (front matter, the title block, a field table) rather than a line inside a section. */
  metadata: boolean;
  line: number;
}

export type TemplateBlockKind = 'instruction' | 'example';

/** A paragraph, table cell or code block of the template that a filled-in document replaces. */
export interface TemplateBlock {
  kind: TemplateBlockKind;
  /** The text, Markdown removed and whitespace collapsed. */
  text: string;
  line: number;
}

export interface TemplateActionItemTable {
  /** The header cells as written. */
  columns: string[];
  /** The action-item fields the columns hold. */
  fields: ActionItemFieldName[];
  line: number;
}

/** Words an example block needs before a copy of it is taken for a leftover: "Service restored" may be written anew. */
const MIN_EXAMPLE_WORDS = 4;
/** Words an instruction block needs (it holds a placeholder, so it is template text whatever its length). */
const MIN_INSTRUCTION_WORDS = 2;
const OPTIONAL_MARKER = /[([][ \t]{0,3}(?:optional|if applicable|if needed|if any|falls zutreffend|optionnel|facultatif|opcional)[ \t]{0,3}[)\]]/giu;
const OPTIONAL_COMMENT = /<!--\s*pm-lint-optional\b/;
/** Values a document may share with its template by chance: numbers, dates, yes or no. */
const CHANCE_VALUE = /^(?:yes|no|none|n\/?a|true|false|ja|nein|oui|non|sí|si|não|nao)$/i;
const REPLACEMENT = '\uFFFD';
/** "6.", "3.1", "A.", "IV." before a title. */
const NUMBERING = /^(?:\d{1,3}(?:[.)]\d{1,3})*[.):]?|[A-Z][.)]|[IVX]{1,5}[.)])\s+/;

export class TemplateStandard {
  /** The template's path as the configuration names it, for messages. */
  readonly name: string;
  readonly title: string | null;
  readonly parts: readonly TemplatePart[];
  readonly fields: readonly TemplateField[];
  readonly actionItemTables: readonly TemplateActionItemTable[];
  /** The placeholders the template holds ("[Name]", "__________", "YYYY-MM-DD"), each once, in order. */
  readonly placeholders: readonly string[];
  readonly blocks: readonly TemplateBlock[];
  private readonly blockKinds = new Map<string, TemplateBlockKind>();
  /** Blocks whose text lost characters to a mis-encoding (U+FFFD): compared character by character, by length. */
  private readonly partialBlocks = new Map<number, TemplateBlock[]>();
  private readonly values = new Map<string, Set<string>>();

  constructor(init: {
    name: string;
    title: string | null;
    parts: TemplatePart[];
    fields: TemplateField[];
    actionItemTables: TemplateActionItemTable[];
    placeholders: string[];
    blocks: TemplateBlock[];
  }) {
    this.name = init.name;
    this.title = init.title;
    this.parts = init.parts;
    this.fields = init.fields;
    this.actionItemTables = init.actionItemTables;
    this.placeholders = init.placeholders;
    this.blocks = init.blocks;
    for (const block of init.blocks) {
      if (block.text.includes(REPLACEMENT)) {
        const list = this.partialBlocks.get(block.text.length) ?? [];
        list.push(block);
        this.partialBlocks.set(block.text.length, list);
      } else if (!this.blockKinds.has(block.text)) this.blockKinds.set(block.text, block.kind);
    }
    for (const field of init.fields) {
      const set = this.values.get(field.key) ?? new Set<string>();
      for (const value of field.values) set.add(oneLine(value));
      this.values.set(field.key, set);
    }
  }

  /** Whether a block's text (Markdown removed) is the template's instruction or example text, and which. */
  blockKind(text: string): TemplateBlockKind | null {
    const collapsed = oneLine(text);
    const exact = this.blockKinds.get(collapsed);
    if (exact) return exact;
    for (const block of this.partialBlocks.get(collapsed.length) ?? []) {
      if (sameWithLostCharacters(block.text, collapsed)) return block.kind;
    }
    return null;
  }

  /** Whether a field's value is one the template itself gives that key. */
  isTemplateValue(key: string, value: string): boolean {
    return this.values.get(key)?.has(oneLine(value)) ?? false;
  }
}

/** Equal, where each U+FFFD of the template's text stands for one character the mis-encoding lost. */
function sameWithLostCharacters(template: string, text: string): boolean {
  for (let i = 0; i < template.length; i++) if (template[i] !== REPLACEMENT && template[i] !== text[i]) return false;
  return true;
}

/** Words of a text; in scripts written without spaces, two characters count as a word. */
function wordCount(text: string): number {
  let words = 0;
  for (const token of text.split(/\s+/)) {
    if (!/[\p{L}\p{N}]/u.test(token)) continue;
    const unspaced = token.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
    words += unspaced > 1 ? Math.ceil(unspaced / 2) : 1;
  }
  return words;
}

/** The titles a part answers to: its own without numbering or emoji, and each half of a bilingual title ("TL;DR (Executive Summary)"). */
function titleVariants(title: string): string[] {
  const parts = splitTitle(title);
  const variants = parts.base ? [parts.base] : [];
  for (const bracketed of parts.bracketed) {
    // "(What Happened)" is another title; "(UTC)" is a note.
    if (bracketed.includes(' ') || bracketed.replace(/\s/g, '').length >= 6) variants.push(bracketed);
  }
  if (variants.length === 0) variants.push(normalizeText(title));
  return variants.filter(Boolean);
}

function titleMatcher(title: string): (candidate: string) => boolean {
  const resolver = new SectionKindResolver({ wanted: titleVariants(title) }, false);
  // Normalising would drop U+FFFD: a title that lost characters is compared in its own terms.
  const partial = title.includes(REPLACEMENT) ? plainVariants(title) : [];
  return (candidate: string) => {
    if (resolver.resolve(candidate).includes('wanted')) return true;
    if (partial.length === 0) return false;
    const written = plainVariants(candidate);
    return partial.some((variant) => written.some((text) => text.length === variant.length && sameWithLostCharacters(variant, text)));
  };
}

/** A title and its bracketed halves, numbering removed, lower case, spaces collapsed. */
function plainVariants(title: string): string[] {
  const text = title.normalize('NFKC').replace(NUMBERING, '').toLowerCase();
  const halves = [...text.matchAll(/\(([^()]*)\)/g)].map((match) => match[1]!);
  return [text.replace(/\([^()]*\)/g, ' '), ...halves].map((half) => half.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/** Reads a template's model into the standard documents are held to. `name` is how messages name it. */
export function buildTemplateStandard(document: PostmortemDocument, name: string): TemplateStandard {
  const examples = exampleRanges(document);
  const inExample = (offset: number) => examples.some((range) => range.start <= offset && offset < range.end);
  const parts = templateParts(document, inExample);
  const found = document.placeholders.found;
  const holdsPlaceholder = (start: number, end: number) => found.some((placeholder) => placeholder.start >= start && placeholder.start < end);
  const fieldLines = new Set(document.fields.filter((field) => field.source === 'line').map((field) => field.keySpan.start.line));
  const onlyFields = (paragraph: ParagraphModel) => {
    for (let line = paragraph.span.start.line; line <= paragraph.span.end.line; line++) if (!fieldLines.has(line)) return false;
    return true;
  };

  const blocks: TemplateBlock[] = [];
  const addBlock = (kind: TemplateBlockKind, text: string, line: number) => {
    const collapsed = oneLine(text);
    if (wordCount(collapsed) >= (kind === 'example' ? MIN_EXAMPLE_WORDS : MIN_INSTRUCTION_WORDS)) blocks.push({ kind, text: collapsed, line });
  };
  for (const paragraph of document.paragraphs) {
    const { start, end } = paragraph.span;
    const lines = document.textOf(paragraph.node).lines();
    const first = lines[0]?.text.trim() ?? '';
    if (first.endsWith(':') && isExampleLabel(first) && lines.length > 1) {
      // "Example:" and the example on the next lines of the same paragraph.
      addBlock('example', lines.slice(1).map((line) => line.text).join('\n'), start.line + 1);
      continue;
    }
    if (onlyFields(paragraph)) continue;
    // A label names a part ("**Impact**"), unless it is a prompt set in italics ("_Describe the impact._").
    // In a template, a paragraph that reads as a prompt ("How did we know it was fixed?") is one,
    // italics or not; other prose may be meant to stay ("All reviews happen on Thursdays.").
    // Questions are prompts in a template, except under "Open questions" or a FAQ.
    const known = !(paragraph.section?.kinds.includes('open-questions') ?? false);
    // A bold label is a title ("**What went wrong?**"); a plain question line is a prompt.
    const prompt = !paragraph.quoted && paragraph.label?.emphasis !== 'strong' && isTemplatePrompt(paragraph.text, known);
    if ((holdsPlaceholder(start.offset, end.offset) || prompt) && !inExample(start.offset)) addBlock('instruction', paragraph.text, start.line);
    else if (!paragraph.label && inExample(start.offset)) addBlock('example', paragraph.text, start.line);
  }
  for (const table of document.tables) {
    for (const row of table.rows) {
      for (const cell of row.cells) {
        const { start, end } = cell.span;
        if (inExample(start.offset)) addBlock('example', cell.text, start.line);
        else if (holdsPlaceholder(start.offset, end.offset)) addBlock('instruction', cell.text, start.line);
      }
    }
  }
  for (const code of codeBlocks(document)) {
    const start = code.position!.start.offset!;
    if (inExample(start)) addBlock('example', code.value, code.position!.start.line);
  }
  blocks.sort((a, b) => a.line - b.line);

  return new TemplateStandard({
    name,
    title: document.title?.text ?? null,
    parts,
    fields: templateFields(document, inExample, holdsPlaceholder, new Set(parts.map((part) => part.line))),
    actionItemTables: actionItemTables(document),
    placeholders: [...new Set(found.map((placeholder) => oneLine(placeholder.text)))],
    blocks,
  });
}

/**
 * Where the template shows an example: a section titled "Example" ("### Detailed Timeline
 * Example") with its sub-sections, and what follows an "Example:" line up to the next
 * heading, thematic break or label.
 */
function exampleRanges(document: PostmortemDocument): Array<{ start: number; end: number }> {
  const ranges: Array<{ start: number; end: number }> = [];
  for (const section of document.sections) {
    if (document.title?.heading !== section.heading && isExampleLabel(section.title)) ranges.push({ ...section.extent });
  }
  const stops: number[] = [];
  for (const section of document.sections) stops.push(section.span.start.offset);
  for (const node of document.tree.children) if (node.type === 'thematicBreak') stops.push(node.position!.start.offset!);
  const labelStarts: Array<{ offset: number; example: boolean }> = [];
  for (const paragraph of document.paragraphs) {
    if (paragraph.quoted || paragraph.listItem) continue;
    const first = document.textOf(paragraph.node).lines()[0]?.text.trim() ?? '';
    const label = paragraph.label?.text ?? (first.endsWith(':') ? first : null);
    if (label === null) continue;
    labelStarts.push({ offset: paragraph.span.start.offset, example: isExampleLabel(label) });
  }
  for (const label of labelStarts) if (!label.example) stops.push(label.offset);
  stops.sort((a, b) => a - b);
  for (const label of labelStarts) {
    if (!label.example) continue;
    const end = stops.find((stop) => stop > label.offset) ?? document.text.length;
    ranges.push({ start: label.offset, end });
  }
  return ranges;
}

/** Every fenced or indented code block, in document order. */
export function codeBlocks(document: PostmortemDocument): Code[] {
  const found: Code[] = [];
  const stack: Nodes[] = [...document.tree.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'code') found.push(node);
    else if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'table') {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
    }
  }
  return found;
}

/** Removes an "(optional)" marker; says whether there was one. */
function withoutOptionalMarker(title: string): { title: string; optional: boolean } {
  const stripped = title.replace(OPTIONAL_MARKER, ' ').replace(/\s+/g, ' ').trim();
  return { title: stripped || title, optional: stripped !== title.replace(/\s+/g, ' ').trim() };
}

function makePart(place: { title: string; kinds: string[]; form: TitleForm; line: number }, index: number, level: number, parent: TemplatePart | null, optionalComment: boolean): TemplatePart {
  const { title, optional } = withoutOptionalMarker(place.title.replace(/<!--[^]*?-->/g, '').trim());
  const matches = titleMatcher(title);
  return {
    index,
    title,
    name: title.replace(NUMBERING, '') || title,
    kinds: place.kinds,
    optional: optional || optionalComment,
    level,
    parent,
    form: place.form,
    line: place.line,
    matchesTitle: matches,
  };
}

function templateParts(document: PostmortemDocument, inExample: (offset: number) => boolean): TemplatePart[] {
  const headingPlaces = new Map<Nodes, TitledPlace>();
  for (const place of document.coverage.titled) if (place.form === 'heading') headingPlaces.set(place.node, place);
  const found = document.placeholders.found;
  const placeholderTitle = (section: Section) => {
    const inTitle = found.filter((placeholder) => placeholder.start >= section.span.start.offset && placeholder.end <= section.span.end.offset);
    if (inTitle.length === 0) return false;
    let rest = document.text.slice(section.span.start.offset, section.span.end.offset);
    for (const placeholder of [...inTitle].reverse()) {
      const from = placeholder.start - section.span.start.offset;
      rest = rest.slice(0, from) + rest.slice(placeholder.end - section.span.start.offset);
    }
    return !/[\p{L}\p{N}]/u.test(rest.replace(/^#+/, ''));
  };
  const sections = document.sections.filter((section) => isPartSection(document, section, placeholderTitle));
  if (sections.length > 0) return partsFromHeadings(document, sections, headingPlaces);
  return partsFromTitles(document, inExample);
}

function isPartSection(document: PostmortemDocument, section: Section, placeholderTitle: (section: Section) => boolean): boolean {
  if (document.title?.heading === section.heading || section.field !== null || section.valueOf !== null) return false;
  // "### [yyyy-mm-dd hh:mm]": an entry to repeat, not a part.
  if (placeholderTitle(section)) return false;
  for (let current: Section | null = section; current && current.heading !== document.title?.heading; current = current.parent) {
    if (isExampleLabel(current.title)) return false;
  }
  return true;
}

function partsFromHeadings(document: PostmortemDocument, sections: Section[], places: Map<Nodes, TitledPlace>): TemplatePart[] {
  const parts: TemplatePart[] = [];
  const bySection = new Map<Section, TemplatePart>();
  for (const section of sections) {
    let parent: TemplatePart | null = null;
    for (let ancestor = section.parent; ancestor && !parent; ancestor = ancestor.parent) parent = bySection.get(ancestor) ?? null;
    const place = places.get(section.heading);
    const headingComment = section.heading.children.some((child) => child.type === 'html' && OPTIONAL_COMMENT.test(child.value));
    const contentComment = section.content.some((node) => node.type === 'html' && OPTIONAL_COMMENT.test(node.value));
    const part = makePart(
      { title: section.title, kinds: place?.kinds ?? section.kinds, form: 'heading', line: section.span.start.line },
      parts.length,
      parent ? parent.level + 1 : 1,
      parent,
      headingComment || contentComment,
    );
    parts.push(part);
    bySection.set(section, part);
  }
  return parts;
}

/**
 * The parts of a template without headings: its bold headings, labels, title lines and
 * outline items, where they are not nested in a list or quoted, not an example, and not a
 * metadata field ("**Date:** [YYYY-MM-DD]" is a field; "**Customer communication:**" a part).
 */
function partsFromTitles(document: PostmortemDocument, inExample: (offset: number) => boolean): TemplatePart[] {
  const listDepth = new Map<Nodes, number>();
  for (const list of document.lists) for (const item of list.items) listDepth.set(item.node, list.depth);
  const places = document.coverage.titled.filter((place) => {
    if (place.form === 'heading' || inExample(place.span.start.offset) || isExampleLabel(place.title)) return false;
    const paragraph = paragraphAt(document.paragraphs, place.span.start.offset);
    if (paragraph && (paragraph.quoted || (paragraph.listItem && (listDepth.get(paragraph.listItem) ?? 0) > 0))) return false;
    return place.kinds.length > 0 || !document.metadataKeys.isKnown(place.title);
  });
  const comments = document.html.filter((html) => OPTIONAL_COMMENT.test(html.value)).map((html) => html.span.start.offset);
  return places.map((place, i) => {
    const next = places[i + 1]?.span.start.offset ?? document.text.length;
    const optionalComment = comments.some((offset) => offset >= place.span.start.offset && offset < next);
    return makePart({ title: place.title, kinds: place.kinds, form: place.form, line: place.span.start.line }, i, 1, null, optionalComment);
  });
}

/** The paragraph holding an offset (paragraphs are in document order), or null. */
function paragraphAt(paragraphs: readonly ParagraphModel[], offset: number): ParagraphModel | null {
  const found = lastAtOrBefore(paragraphs, offset, (paragraph) => paragraph.span.start.offset);
  return found && offset < found.span.end.offset ? found : null;
}

/**
 * The template's fields with the values it gives them. Placeholders count whatever they
 * are; other values a document may share by chance are left out: numbers and dates
 * ("60 minutes", "1.0"), yes and no; an example's values count only when they say
 * something (four words or more).
 */
function templateFields(
  document: PostmortemDocument,
  inExample: (offset: number) => boolean,
  holdsPlaceholder: (start: number, end: number) => boolean,
  partLines: ReadonlySet<number>,
): TemplateField[] {
  const byKey = new Map<string, TemplateField>();
  const metadata = new Set<Field>(document.metadata.fields);
  for (const field of document.fields) {
    let entry = byKey.get(field.key);
    if (!entry) {
      // A label that titles a part ("- **Impact:** […]") is not metadata, though it stands in the title block.
      const isPart = partLines.has(field.keySpan.start.line);
      entry = { key: field.key, label: field.label, values: [], metadata: metadata.has(field) && !isPart, line: field.keySpan.start.line };
      byKey.set(field.key, entry);
    }
    const value = oneLine(field.value);
    if (!value || entry.values.includes(value)) continue;
    if (holdsPlaceholder(field.span.start.offset, field.span.end.offset)) {
      entry.values.push(value);
      continue;
    }
    if (!/\p{L}/u.test(value) || CHANCE_VALUE.test(value)) continue;
    const words = wordCount(value);
    if (inExample(field.span.start.offset) ? words < MIN_EXAMPLE_WORDS : /\p{N}/u.test(value) && words < MIN_EXAMPLE_WORDS) continue;
    entry.values.push(value);
  }
  return [...byKey.values()];
}

function actionItemTables(document: PostmortemDocument): TemplateActionItemTable[] {
  const tables: TemplateActionItemTable[] = [];
  const seen = new Set<unknown>();
  for (const item of document.actionItems) {
    const table = item.table;
    if (!table || seen.has(table.table)) continue;
    seen.add(table.table);
    const fields = (Object.keys(table.columns) as Array<ActionItemFieldName | 'action'>).filter((key): key is ActionItemFieldName => key !== 'action');
    tables.push({ columns: table.table.header.cells.map((cell) => cell.text), fields, line: table.table.span.start.line });
  }
  return tables;
}
