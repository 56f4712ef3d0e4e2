import { basename } from 'node:path';
import type { Blockquote, Heading, List, ListItem, Nodes, Paragraph, Root, RootContent, Table, TableCell } from 'mdast';
import { parseMarkdown, type SliceCache } from './parse/parse.js';
import { readWrappedMarkdown } from './parse/wrapped-html.js';
import { LineIndex, type Span } from './parse/positions.js';
import { plainText } from './text/inline.js';
import { buildTextView, type TextView } from './text/text-view.js';
import { blockLabel, headingField } from './text/labels.js';
import { findDates } from './text/dates.js';
import { isTranscript } from './text/transcripts.js';
import { SectionKindResolver, sectionKindResolver } from './text/section-kinds.js';
import { MetadataKeyResolver, metadataKeyResolver } from './text/metadata-keys.js';
import { readFrontMatter } from './facts/front-matter.js';
import { promoteBoldTitles } from './facts/bold-titles.js';
import { buildTable } from './facts/tables.js';
import { collectPeople, type People } from './facts/people.js';
import { collectHypotheses, type Hypotheses } from './facts/hypotheses.js';
import { fieldsFromParagraph, fieldsFromTable, isFieldTable } from './facts/fields.js';
import { Metadata } from './facts/metadata.js';
import { numericDateOrder, type CalendarDate, type NumericOrder } from './text/dates.js';
import { incidentDateSources, type IncidentDateSource } from './facts/incident-date.js';
import { findActionItemModel, type ActionItem, type ActionItemTable } from './facts/action-items.js';
import { findIncidents, type Incident } from './facts/incidents.js';
import { findStatedDurations, type StatedDuration } from './facts/durations.js';
import { readProseDates, type ProseDates } from './facts/prose-dates.js';
import { readStatusPage, type StatusPage } from './facts/status-page.js';
import { buildTimelines, type Timeline } from './facts/timeline.js';
import { findResponseTimes, type ResponseTimes } from './facts/response-times.js';
import { findSeverity, type IncidentSeverity } from './facts/severity.js';
import { findCoverage, type Coverage } from './facts/coverage.js';
import { sectionContent, type SectionContent } from './facts/section-content.js';
import { collectLinks, type LinkFact } from './facts/links.js';
import { isGuidePage, isIndexPage } from './facts/index-page.js';
import { findPlaceholders, type Placeholders } from './facts/placeholders.js';
import type { TemplateStandard } from './facts/template.js';
import { valueIsOneOf } from './text/values.js';
import { normalizeText } from './text/normalize.js';
import type {
  DocumentTitle, Field, FrontMatter, ListItemModel, ListModel, ParagraphModel, PseudoHeading, Section, TableModel,
} from './facts/types.js';
import { lastAtOrBefore } from './text/sorted.js';
import { documentLanguage, type DocumentLanguage } from './text/language.js';

/**
 * The attribute block of kramdown, Pandoc, Hugo and MkDocs after a heading's text ("##
 * Summary {#summary}", "## Impact {.unnumbered}"): the page's anchor, not part of the title.
 * Not a marker in braces ("## Timeline {WIP}"), which names no id, class or key.
 */
const HEADING_ATTRIBUTES = /[ \t]+\{:?[ \t]*(?:[#.][\w:.-]+|[\w-]+=(?:"[^"]*"|[^\s}]*))(?:[ \t]+(?:[#.][\w:.-]+|[\w-]+=(?:"[^"]*"|[^\s}]*)))*[ \t]*\}$/;

function withoutAttributes(title: string): string {
  return title.endsWith('}') ? title.replace(HEADING_ATTRIBUTES, '') : title;
}

export interface ModelOptions {
  /** The file's path, when there is one (rules may read its name, never the file). */
  path?: string;
  /** Extra heading aliases per section kind. */
  sectionAliases?: Record<string, string[]>;
  /** Extra labels per metadata key. */
  metadataAliases?: Record<string, string[]>;
  /** The file's bytes were not valid UTF-8: its U+FFFD characters stand for bytes that could not be decoded. */
  invalidUtf8?: boolean;
  /** The team's template, read once per run (see facts/template.ts): the standard this document is held to. */
  template?: TemplateStandard;
  /** Slices of earlier versions of the document, parsed already (the language server keeps one). */
  parseCache?: SliceCache;
}

/**
 * The postmortem model: a document parsed once and understood once. Every rule reads
 * this; none parses text the model already holds. Parts that only some rules need are
 * computed on first use and kept (see `derived`).
 */
export class PostmortemDocument {
  readonly path: string | undefined;
  /** The source text without a byte-order mark; every offset refers to it. */
  readonly text: string;
  /** Whether the file's bytes were not valid UTF-8 (they were decoded with U+FFFD). */
  readonly invalidUtf8: boolean;
  readonly lines: LineIndex;
  readonly tree: Root;
  readonly frontMatter: FrontMatter | null;
  readonly title: DocumentTitle | null;
  /** Every section in document order. */
  readonly sections: Section[];
  /** Sections with no parent. */
  readonly topSections: Section[];
  readonly tables: TableModel[];
  readonly lists: ListModel[];
  readonly paragraphs: ParagraphModel[];

  /** HTML nodes (comments included), in document order. */
  /** Raw HTML in document order; `block` for an HTML block outside block quotes (a line of its own, `<add the graph here>`). */
  readonly html: Array<{ value: string; span: Span; block?: boolean }>;
  /** Every `Key: value` pair found anywhere (front matter, key lines, field tables). */
  readonly fields: Field[];
  /** Document-level metadata: front matter, the title block, metadata sections and field tables. */
  readonly metadata: Metadata;
  readonly sectionKinds: SectionKindResolver;
  /** Resolves metadata labels to keys ("Author(s)" → "authors"), with the configured aliases. */
  readonly metadataKeys: MetadataKeyResolver;
  /** The team's template this document is held to, when the configuration names one. */
  readonly template: TemplateStandard | null;
  private readonly derivedValues = new Map<string, unknown>();
  private readonly textViews = new Map<Nodes, TextView>();

  constructor(text: string, options: ModelOptions = {}) {
    this.path = options.path;
    this.text = text;
    this.invalidUtf8 = options.invalidUtf8 ?? false;
    this.lines = new LineIndex(text);
    this.tree = parseMarkdown(text, options.parseCache ? { cache: options.parseCache } : {});
    readWrappedMarkdown(this.tree);
    this.sectionKinds = sectionKindResolver(options.sectionAliases);
    promoteBoldTitles(this.tree, this.sectionKinds, this.lines);
    const keys = metadataKeyResolver(options.metadataAliases);
    this.metadataKeys = keys;
    this.template = options.template ?? null;

    this.sections = this.buildSections(keys);
    this.topSections = this.sections.filter((section) => section.parent === null);
    this.title = this.findTitle();

    const collected = this.collectBlocks();
    this.tables = collected.tables;
    this.lists = collected.lists;
    this.paragraphs = collected.paragraphs;
    this.html = collected.html;

    const front = readFrontMatter(this.tree, this.lines, keys);
    this.frontMatter = front.frontMatter;
    const fields = [...front.fields];
    for (const paragraph of this.paragraphs) fields.push(...fieldsFromParagraph(paragraph, this.lines, keys));
    for (const table of this.tables) {
      if (isFieldTable(table, keys)) fields.push(...fieldsFromTable(table, keys, this.lines));
    }
    fields.sort((a, b) => a.span.start.offset - b.span.start.offset);
    this.fields = fields;
    this.metadata = new Metadata(fields.filter((field) => this.isDocumentMetadata(field, keys)));
  }

  /**
   * Every place the incident's date is stated: metadata, a date heading, the title, a
   * dated lead sentence, the file name (in that order; see incident-date.ts).
   */
  get incidentDateSources(): IncidentDateSource[] {
    return this.derived('incidentDateSources', () => incidentDateSources(this, this.numericDateOrder));
  }

  /** Whether the document writes numeric dates day first (29/09/2021) or month first, when its dates say so. */
  get numericDateOrder(): NumericOrder | null {
    return this.derived('numericDateOrder', () => numericDateOrder([this.text, this.path ? basename(this.path) : '']));
  }

  /** The incidents of a document that reports several, each with its own date and timeline; empty otherwise. */
  get incidents(): Incident[] {
    return this.derived('incidents', () => findIncidents(this, this.numericDateOrder));
  }

  /** Durations the document states (fields, lengths beside ranges, prose about the incident, totals), with what each measures. */
  get statedDurations(): StatedDuration[] {
    return this.derived('statedDurations', findStatedDurations);
  }

  /** Weekdays, misspelled months, months without a day and out-of-season zones, as the prose writes them. */
  get proseDates(): ProseDates {
    return this.derived('proseDates', readProseDates);
  }

  /** The status page the document is (front matter `date` and `resolvedWhen`, stamped updates), or null. */
  get statusPage(): StatusPage | null {
    return this.derived('statusPage', readStatusPage);
  }

  /** The incident's date: the first valid one of metadata, title and file name; null when none states it. */
  get incidentDate(): CalendarDate | null {
    return this.incidentDateSources.find((source) => source.valid)?.date ?? null;
  }

  /**
   * The action items: rows of action-item tables, and task lists and bullets in
   * action-item sections, with their owner, priority, due date, status and ticket
   * (see action-items.ts for what counts).
   */
  get actionItems(): ActionItem[] {
    return this.derived('actionItems', findActionItemModel).items;
  }

  /** The tables that hold action items (see action-items.ts), empty ones included. */
  get actionItemTables(): ActionItemTable[] {
    return this.derived('actionItems', findActionItemModel).tables;
  }

  /**
   * Every timeline in the document, in order: timeline tables, lists and the entries of
   * timeline sections, each entry with its parsed date, time and zone (see timeline.ts).
   */
  get timelines(): Timeline[] {
    return this.derived('timelines', buildTimelines);
  }

  /** The incident's severity from its metadata, with a key that groups its spellings (see severity.ts). */
  get severity(): IncidentSeverity | null {
    return this.derived('severity', findSeverity);
  }

  /**
   * How long the incident took to detect, mitigate and resolve: stated in a field, given by
   * the metadata's start and end, or shown by the timeline (see response-times.ts).
   */
  get responseTimes(): ResponseTimes {
    return this.derived('responseTimes', findResponseTimes);
  }

  /**
   * The text view of a block (a paragraph, a heading, a table cell): its words with exact
   * source offsets and the ranges of code, links, emphasis and quotations. Built once per
   * block; every part of the model and every rule reads a block's words through it.
   */
  textOf(node: Paragraph | Heading | TableCell): TextView {
    let view = this.textViews.get(node);
    if (!view) this.textViews.set(node, (view = buildTextView(node, this.text)));
    return view;
  }

  /**
   * Where the document covers each part of a postmortem, titled in any form or not
   * titled at all (a lead paragraph, timestamped entries, a sentence stating the cause),
   * and whether it is written in titled parts or as a narrative (see coverage.ts).
   */
  get coverage(): Coverage {
    return this.derived('coverage', findCoverage);
  }

  /** What stands under a section's heading: something written, only a template's prompts, or nothing. */
  contentOf(section: Section): SectionContent {
    return sectionContent(this, section);
  }

  /**
   * Whether the document's metadata has, for every key of `conditions`, one of the values
   * listed ("severity: [SEV-1, SEV-2]" matches "**Severity:** Sev1 (critical)" and a ticked
   * "[x] SEV-2"). Keys are metadata keys or labels, resolved with the configured aliases.
   */
  matchesMetadata(conditions: Readonly<Record<string, readonly string[]>>): boolean {
    for (const [label, values] of Object.entries(conditions)) {
      const key = this.metadataKeys.resolve(label);
      const wanted = normalizeText(label);
      const fields = this.metadata.fields.filter((field) => field.key === key || normalizeText(field.label) === wanted);
      const written = (field: Field) => (typeof field.data === 'string' || typeof field.data === 'number' ? String(field.data) : field.raw);
      if (!fields.some((field) => valueIsOneOf(written(field), values))) return false;
    }
    return true;
  }

  /** The innermost section that contains an offset, or null before the first heading. */
  sectionAt(offset: number): Section | null {
    // The last heading before the offset starts the innermost section holding it.
    return lastAtOrBefore(this.sections, offset, (section) => section.extent.start) ?? null;
  }

  /** Sections of a kind (a section counts when any of its kinds matches). */
  sectionsOfKind(kind: string): Section[] {
    return this.sections.filter((section) => section.kinds.includes(kind));
  }

  /** Whether a section, or one of its ancestors, is of a kind. */
  static isWithin(section: Section | null, kind: string): boolean {
    for (let current = section; current; current = current.parent) {
      if (current.kinds.includes(kind)) return true;
    }
    return false;
  }

  span(node: { position?: { start: { offset?: number }; end: { offset?: number } } }): Span {
    return this.lines.span(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
  }

  /**
   * A part of the model computed on first use and kept for this document: later parts
   * of the model (timelines, action items, hypotheses) are built this way so that a run
   * with those rules off never pays for them.
   */
  derived<T>(key: string, compute: (document: PostmortemDocument) => T): T {
    if (!this.derivedValues.has(key)) this.derivedValues.set(key, compute(this));
    return this.derivedValues.get(key) as T;
  }

  /** The people the document names: metadata, participants, people columns and @handles. */
  get people(): People {
    return this.derived('people', collectPeople);
  }

  /** Every link, image and reference definition, with its destination and the span of the whole construct. */
  get links(): LinkFact[] {
    return this.derived('links', collectLinks);
  }

  /** Whether the document indexes other documents (a README listing postmortems) rather than being a postmortem (see facts/index-page.ts). */
  get isIndexPage(): boolean {
    return this.derived('isIndexPage', isIndexPage);
  }

  /** Whether the document is the guide of a folder of postmortems (its README or CONTRIBUTING page), not a postmortem. */
  get isGuidePage(): boolean {
    return this.derived('isGuidePage', isGuidePage);
  }

  /**
   * Template text left unfilled (brackets, blanks and masks, choices, markers, example
   * domains, prompts), with the prose blocks and label lines where option-dependent
   * instructions and example markers are looked for (see facts/placeholders.ts).
   */
  get placeholders(): Placeholders {
    return this.derived('placeholders', findPlaceholders);
  }

  /**
   * The language the prose is written in, and whether pm-lint's vocabulary covers it
   * (text/language.ts): what is missing is not reported where the titles cannot be read.
   */
  get language(): DocumentLanguage {
    return this.derived('language', () => documentLanguage(this.proseBlocks()));
  }

  /** The text of every paragraph that is prose (not a quoted transcript), then of every table cell. */
  private *proseBlocks(): Generator<string> {
    for (const paragraph of this.paragraphs) if (!paragraph.transcript) yield paragraph.text;
    for (const table of this.tables) for (const row of [table.header, ...table.rows]) for (const cell of row.cells) yield cell.text;
  }

  /** The hypotheses of a structured root-cause analysis, and the summary that restates them. */
  get hypotheses(): Hypotheses {
    return this.derived('hypotheses', collectHypotheses);
  }

  private buildSections(keys: MetadataKeyResolver): Section[] {
    const sections: Section[] = [];
    const open: Section[] = [];
    const end = this.text.length;
    for (const node of this.tree.children) {
      if (node.type !== 'heading' || !node.position) {
        open.at(-1)?.content.push(node);
        continue;
      }
      const start = node.position.start.offset!;
      while (open.length > 0 && open.at(-1)!.depth >= node.depth) open.pop()!.extent.end = start;
      const title = withoutAttributes(plainText(node).trim());
      const parent = open.at(-1) ?? null;
      const resolved = this.sectionKinds.resolveDetailed(title);
      const kinds = resolved.weak && parent?.kind ? [...parent.kinds] : resolved.kinds;
      const field = resolved.kinds.length === 0 ? headingField(title, (label) => keys.isKnown(label), findDates) : null;
      const previous = sections.at(-1);
      // "# Title:" and, right under it, the heading that is its value.
      const valueOf =
        previous?.field?.value === '' && previous === parent && previous.content.length === 0 ? previous : null;
      const section: Section = {
        index: sections.length,
        heading: node,
        depth: node.depth,
        title,
        kinds,
        kind: kinds[0] ?? null,
        titleKinds: resolved.kinds,
        field,
        valueOf,
        span: this.span(node),
        extent: { start, end },
        parent,
        children: [],
        content: [],
      };
      parent?.children.push(section);
      sections.push(section);
      open.push(section);
    }
    return sections;
  }

  /**
   * The title: a first heading of level 1 that names no kind of section, or that holds
   * the other sections ("# Postmortem: [Brief Description]" over "## Summary", …), or
   * a first heading of any level that names no kind and is followed straight by the
   * next heading ("## Incident report for X" over "## Date: …") or holds the other sections
   * ("## Incident report for X" over "### Summary").
   * Its kinds are cleared, so that a title never stands in for a section.
   */
  private findTitle(): DocumentTitle | null {
    const first = this.sections[0];
    if (!first || first.field) return null;
    const holdsTheRest = this.sections.length > 1 && this.sections.slice(1).every((section) => section.depth > first.depth);
    // "## Incident report for X" straight over "## Date: …": a title at any level.
    const overOthers = first.kind === null && first.content.every((node) => node.type === 'html') && this.sections.length > 1;
    // "## Incident report for X" over "### Summary", …: a title one level down, as a page embedded in a docs site writes it.
    if (first.depth !== 1 && !overOthers && !(holdsTheRest && first.kind === null)) return null;
    if (first.kind !== null && !holdsTheRest) return null;
    const beforeFirst = this.tree.children.findIndex((node) => node === first.heading);
    const onlyFrontMatterBefore = this.tree.children
      .slice(0, beforeFirst)
      .every((node) => node.type === 'yaml' || node.type === ('toml' as string) || node.type === 'html');
    if (!onlyFrontMatterBefore) return null;
    first.kinds = [];
    first.kind = null;
    first.titleKinds = [];
    return { text: first.title, heading: first.heading, span: first.span };
  }

  /** One walk of the tree, without recursion (deeply nested lists must not overflow the stack). */
  private collectBlocks() {
    const tables: TableModel[] = [];
    const lists: ListModel[] = [];
    const paragraphs: ParagraphModel[] = [];
    const html: Array<{ value: string; span: Span; block?: boolean }> = [];
    // previous: the block before a node in the same parent (a list's lead-in paragraph).
    type Frame = { node: Nodes; listDepth: number; quoted: boolean; transcript: boolean; listItem: ListItem | null; previous: Nodes | null };
    const stack: Frame[] = [];
    for (let i = this.tree.children.length - 1; i >= 0; i--) {
      stack.push({ node: this.tree.children[i]!, listDepth: 0, quoted: false, transcript: false, listItem: null, previous: this.tree.children[i - 1] ?? null });
    }
    while (stack.length > 0) {
      const { node, listDepth, quoted, transcript, listItem, previous } = stack.pop()!;
      if (!node.position) continue;
      switch (node.type) {
        case 'table':
          tables.push(buildTable(node as Table, this.sectionAt(node.position.start.offset!), this.lines));
          // A comment in a cell (`<!-- pm-lint-disable-line … -->`: nothing can stand between rows).
          for (const row of (node as Table).children) for (const cell of row.children) this.collectInlineHtml(cell, html);
          continue;
        case 'paragraph':
          paragraphs.push(this.paragraphModel(node as Paragraph, quoted, transcript, listItem));
          break;
        case 'list': {
          // The paragraph before a list is the last one collected (depth first, in document order).
          const last = paragraphs.at(-1);
          const leadIn = previous?.type === 'paragraph' && last?.node === previous ? last : null;
          lists.push(this.listModel(node as List, listDepth, leadIn));
          break;
        }
        case 'html':
          html.push({ value: node.value, span: this.span(node), ...(quoted ? {} : { block: true }) });
          continue;
        case 'code':
        case 'yaml':
          continue;
        default:
          break;
      }
      if (!('children' in node)) continue;
      const children = node.children as Nodes[];
      const childListDepth = node.type === 'list' ? listDepth + 1 : listDepth;
      const childQuoted = quoted || node.type === 'blockquote';
      const childTranscript = transcript || (node.type === 'blockquote' && this.isQuotedTranscript(node as Blockquote));
      const childItem = node.type === 'listItem' ? (node as ListItem) : listItem;
      for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i]!;
        // Inline content is read through the paragraph; only inline HTML is collected here.
        if (node.type === 'paragraph' || node.type === 'heading') {
          if (i === 0) this.collectInlineHtml(node, html);
          continue;
        }
        stack.push({ node: child as RootContent, listDepth: childListDepth, quoted: childQuoted, transcript: childTranscript, listItem: childItem, previous: children[i - 1] ?? null });
      }
    }
    return { tables, lists, paragraphs, html };
  }

  /** The inline HTML of a paragraph, heading or cell, in emphasis and links too, in document order. */
  private collectInlineHtml(node: Paragraph | Heading | TableCell, html: Array<{ value: string; span: Span }>): void {
    const stack: Nodes[] = [...node.children].reverse();
    while (stack.length > 0) {
      const child = stack.pop()!;
      if (child.type === 'html') {
        if (child.position) html.push({ value: child.value, span: this.span(child) });
      } else if ('children' in child) {
        for (let i = child.children.length - 1; i >= 0; i--) stack.push(child.children[i] as Nodes);
      }
    }
  }

  /**
   * Paragraphs of only bold or italic text that act as headings (among headings; a document
   * written with bold titles only has them as its headings: facts/bold-titles.ts). No fact
   * reads them while a document is built, so they are found when asked for.
   */
  get pseudoHeadings(): PseudoHeading[] {
    return this.derived('pseudoHeadings', () => this.findPseudoHeadings());
  }

  private findPseudoHeadings(): PseudoHeading[] {
    const found: PseudoHeading[] = [];
    for (const paragraph of this.paragraphs) {
      if (!paragraph.label?.emphasis) continue;
      const title = paragraph.label.text;
      if (title.split(/\s+/).length > 10 || /[.!]$/.test(title)) continue;
      const kinds = this.sectionKinds.resolve(title);
      if (kinds.length > 0) found.push({ node: paragraph.node, title, kinds, span: paragraph.span, section: paragraph.section });
    }
    return found;
  }

  /** A block quote of chat lines or log lines (see text/transcripts.ts), read from its paragraphs' source lines. */
  private isQuotedTranscript(node: Blockquote): boolean {
    const lines: string[] = [];
    for (const child of node.children) {
      if (child.type !== 'paragraph' || !child.position) continue;
      const source = this.text.slice(child.position.start.offset!, child.position.end.offset!);
      for (const line of source.split(/\r\n?|\n/)) lines.push(line.replace(/^[ \t]*(?:>[ \t]?)*/, ''));
    }
    return isTranscript(lines);
  }

  private paragraphModel(node: Paragraph, quoted: boolean, transcript: boolean, listItem: ListItem | null): ParagraphModel {
    return {
      node,
      span: this.span(node),
      section: this.sectionAt(node.position!.start.offset!),
      text: plainText(node),
      quoted,
      transcript,
      listItem,
      label: blockLabel(node),
    };
  }

  private listModel(node: List, depth: number, leadIn: ParagraphModel | null): ListModel {
    const items: ListItemModel[] = node.children.map((item) => {
      const first = item.children[0];
      const paragraph = first?.type === 'paragraph' ? first : null;
      return {
        node: item,
        span: this.span(item),
        checked: item.checked ?? null,
        text: paragraph ? plainText(paragraph).trim() : '',
        paragraph,
        depth,
      };
    });
    return {
      node,
      span: this.span(node),
      section: this.sectionAt(node.position!.start.offset!),
      ordered: node.ordered ?? false,
      items,
      depth,
      leadIn,
    };
  }

  /**
   * Fields that describe the incident rather than a part of it: front matter, lines and
   * tables before the first section under the title, and anything in a metadata or
   * summary section.
   */
  private isDocumentMetadata(field: Field, keys: MetadataKeyResolver): boolean {
    if (field.source === 'front-matter') return true;
    const section = field.section;
    if (section === null) return true;
    if (this.title && section.heading === this.title.heading) return true;
    if (section.kinds.includes('metadata')) return true;
    // A summary may open with the incident's key facts; other labels there are prose.
    if (section.kinds.includes('summary')) return keys.isKnown(field.label);
    return field.source === 'table' && section.parent === null && section.kind === null;
  }
}
