import type {
  Heading, List, ListItem, Paragraph, Root, RootContent, Table, TableCell, TableRow,
} from 'mdast';
import type { Span } from '../parse/positions.js';
import type { BlockLabel, HeadingField } from '../text/labels.js';

export type { Span, Point } from '../parse/positions.js';

/** A section: a heading and everything up to the next heading of the same or a higher level. */
export interface Section {
  /** Index in PostmortemDocument.sections (document order). */
  index: number;
  heading: Heading;
  depth: number;
  /** The heading's text as written (Markdown removed). */
  title: string;
  /** Every kind the title resolves to, most specific first; empty when unknown. */
  kinds: string[];
  /** The first of kinds, or null. */
  kind: string | null;
  /**
   * The kinds the title names by itself. A general title takes its parent's kinds
   * ("Prevent Recurrence" under "Action Items"), so kinds may differ: "Future prevention"
   * under "What we learned" is part of the lessons, and names the action items too.
   */
  titleKinds: string[];
  /** A heading written as a field ("## Date: 12th March 2023", "## Owner: @ops-lead"): it carries a value, not a section. */
  field: HeadingField | null;
  /** The field heading right before this deeper heading, whose value this heading is ("# Title:" then "### Disk full on db-2"). */
  valueOf: Section | null;
  /** The heading's own span. */
  span: Span;
  /** From the heading to the end of the section, sub-sections included. */
  extent: { start: number; end: number };
  parent: Section | null;
  children: Section[];
  /** Block nodes between this heading and the next heading of any level. */
  content: RootContent[];
}

export interface TableCellModel {
  node: TableCell;
  /** The cell's text, Markdown removed, trimmed. */
  text: string;
  /** Span of the cell's content, without padding and pipes (empty cells: the gap between pipes). */
  span: Span;
  /** Normalised key of the cell's column ("" when the header cell is empty). */
  column: string;
}

export interface TableRowModel {
  node: TableRow;
  index: number;
  span: Span;
  cells: TableCellModel[];
  /** The cell of a column, by normalised header key. */
  cell(column: string): TableCellModel | undefined;
}

export interface TableModel {
  node: Table;
  span: Span;
  section: Section | null;
  header: TableRowModel;
  /** Normalised header keys: "Time (UTC)" → "time". */
  columns: string[];
  /** Bracketed notes of each header, normalised: "Time (UTC)" → "utc"; null when none. */
  columnNotes: Array<string | null>;
  /** Body rows (the header excluded). */
  rows: TableRowModel[];
}

export interface ListItemModel {
  node: ListItem;
  span: Span;
  /** Task-list state: true ([x]), false ([ ]), or null for a plain item. */
  checked: boolean | null;
  /** Text of the item's first paragraph, Markdown removed. */
  text: string;
  /** The item's first paragraph, if it starts with one. */
  paragraph: Paragraph | null;
  depth: number;
}

export interface ListModel {
  node: List;
  span: Span;
  section: Section | null;
  ordered: boolean;
  items: ListItemModel[];
  /** Nesting depth: 0 for a list outside any list. */
  depth: number;
  /** The paragraph right before the list in the same block, which often announces it ("We will make these changes:"). */
  leadIn: ParagraphModel | null;
}

export interface ParagraphModel {
  node: Paragraph;
  span: Span;
  section: Section | null;
  text: string;
  /** Whether the paragraph is inside a block quote. */
  quoted: boolean;
  /** Whether it is inside a quoted chat transcript or log (text/transcripts.ts): what people typed or systems printed, not prose. */
  transcript: boolean;
  /** The list item it belongs to, if any. */
  listItem: ListItem | null;
  /** The paragraph is only a label ("**Actions planned:**", a short plain line): its text, else null. */
  label: BlockLabel | null;
}

/** A `Key: value` pair, from front matter, a key line, or a field table. */
export interface Field {
  /** Normalised canonical key: "incidentId", "date", "severity", … or a camel-cased label. */
  key: string;
  /** The key as written. */
  label: string;
  /** The value as plain text, Markdown removed, trimmed. */
  value: string;
  /** The value as written in the source. */
  raw: string;
  /** For front matter, the parsed YAML value; otherwise the string value. */
  data: unknown;
  span: Span;
  keySpan: Span;
  source: 'front-matter' | 'line' | 'table';
  section: Section | null;
}

export interface FrontMatter {
  format: 'yaml' | 'toml';
  span: Span;
  /** The parsed mapping; null when it is not a mapping or does not parse. */
  data: Record<string, unknown> | null;
  /** Why the front matter cannot be used: YAML that does not parse, or YAML that is not a mapping. */
  error: { kind: 'syntax' | 'not-mapping'; message: string; span: Span } | null;
}

/**
 * A paragraph that stands in for a heading: only bold or italic text, perhaps with a
 * colon ("**Actions planned:**", "**What happened?**:"). Real documents use them for
 * sections; rules that look for sections may accept them where no heading exists.
 */
export interface PseudoHeading {
  node: Paragraph;
  title: string;
  kinds: string[];
  span: Span;
  section: Section | null;
}

export interface DocumentTitle {
  text: string;
  heading: Heading;
  span: Span;
}

export type { Root, Heading };
