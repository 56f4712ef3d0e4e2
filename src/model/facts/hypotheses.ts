import type { PostmortemDocument } from '../document.js';
import type { Span } from '../parse/positions.js';
import type { Field, Section, TableModel, TableRowModel } from './types.js';
import { normalizeText, stripEmoji } from '../text/normalize.js';

/** A stated confidence: "75%", "~40 %", or a bare number in a "Confidence (%)" column. */
export interface HypothesisConfidence {
  /** The percentage; null when the text states none ("high", "0.7"). */
  value: number | null;
  /** The value as written, Markdown removed. */
  text: string;
  /** The number and its "%" when there is one, otherwise the whole value. */
  span: Span;
}

/** A stated status: "CONFIRMED (Primary Root Cause)" → "CONFIRMED", "Ruled out" → "RULED_OUT". */
export interface HypothesisStatus {
  /** The leading words, upper case, joined by "_"; "" when the value starts with no word. */
  value: string;
  text: string;
  /** The leading words in the source. */
  span: Span;
  /** Whether it sets the hypothesis aside: "Ruled out", "RULED_OUT", "Rejected", "Disproven". */
  ruledOut: boolean;
}

/** The statuses that set a hypothesis aside (on the upper-case value). */
const RULED_OUT = /^(?:RULED_?OUT|REJECTED|DISPROVEN|ELIMINATED|EXCLUDED)\b/;

export interface Hypothesis {
  /** The heading's text, or the text of the row's hypothesis cell. */
  title: string;
  source: 'section' | 'table';
  /** The heading, or the table row. */
  span: Span;
  /** The hypothesis's own section, or the section holding its table. */
  section: Section | null;
  confidence: HypothesisConfidence | null;
  status: HypothesisStatus | null;
}

/**
 * A closing statement about the hypotheses: "**Primary root cause confidence:** 75%"
 * (primary) or "**Total hypothesis confidence budget used:** 100%" (total).
 */
export interface HypothesisSummary {
  kind: 'primary' | 'total';
  label: string;
  value: number;
  /** The number and its "%". */
  span: Span;
}

export interface Hypotheses {
  /** In document order. */
  items: Hypothesis[];
  summaries: HypothesisSummary[];
}

/** "Hypothesis 2: …", "H3 - …", "Theory 1", "Hypothesis: …", after any outline numbering. */
const HYPOTHESIS_TITLE =
  /^(?:\d{1,3}(?:\.\d{1,3})*\.?\s+)?(?:(?:hypothesis|theory)\s*#?\s*(?:\d{1,3}|[a-z])\b|h\d{1,3}\b|hypothesis\s*[:–—-])/i;
const CONFIDENCE_LABELS = new Set([
  'confidence', 'confidence level', 'likelihood', 'probability', 'estimated confidence', 'estimated probability', 'certainty',
]);
const STATUS_LABELS = new Set(['status', 'state', 'verdict', 'conclusion', 'outcome']);
const HYPOTHESIS_COLUMNS = new Set(['hypothesis', 'hypotheses', 'theory', 'candidate cause', 'possible cause', 'suspected cause']);
const TOTAL_ROWS = new Set(['total', 'sum', 'overall']);

/** A percentage: "75%", "12.5 %", "-5%". The first one in a value is the stated one. */
const PERCENT = /(?<![\d.])(-?\d{1,4}(?:\.\d{1,3})?)[ \t]?%/;
/** A bare number, for columns whose header carries the "%": "| Confidence (%) |". */
const BARE_NUMBER = /^[~≈]?\s*(-?\d{1,4}(?:\.\d{1,3})?)$/;
/** Where a status's leading words end: a bracket, punctuation, or a spaced dash. */
const STATUS_END = /[([{,;:.!?/|]|\s[-–—]\s|[–—]/;

/** Collects the hypotheses of a document (see PostmortemDocument.hypotheses). */
export function collectHypotheses(document: PostmortemDocument): Hypotheses {
  const bySection = new Map<Section, Hypothesis>();
  for (const section of document.sections) {
    if (isHypothesisTitle(section.title) || (isContainer(section.parent) && !isContainer(section))) {
      bySection.set(section, {
        title: section.title,
        source: 'section',
        span: section.span,
        section,
        confidence: null,
        status: null,
      });
    }
  }

  const summaries: HypothesisSummary[] = [];
  for (const field of document.fields) {
    const owner = owningHypothesis(field.section, bySection);
    const label = normalizeText(field.label);
    if (owner) {
      if (!owner.confidence && CONFIDENCE_LABELS.has(label)) owner.confidence = confidenceOf(field, document, false);
      else if (!owner.status && STATUS_LABELS.has(label)) owner.status = statusOf(field, document);
      continue;
    }
    const kind = summaryKind(label);
    if (kind) {
      const percent = percentIn(field.raw, field.span.start.offset, document);
      if (percent) summaries.push({ kind, label: field.label, value: percent.value, span: percent.span });
    }
  }

  // A section under "Hypotheses" that states neither is a note ("### Method"), not a hypothesis.
  const items = [...bySection.entries()]
    .filter(([section, hypothesis]) => isHypothesisTitle(section.title) || hypothesis.confidence || hypothesis.status)
    .map(([, hypothesis]) => hypothesis);

  // A table beside hypothesis sections restates them: its rows are not a second set.
  const fromSections = items.length > 0;
  for (const table of document.tables) {
    const columns = hypothesisColumns(table);
    if (!columns) continue;
    for (const row of table.rows) {
      const titleCell = row.cell(columns.hypothesis);
      const title = titleCell?.text ?? '';
      if (TOTAL_ROWS.has(normalizeText(title))) {
        const cell = columns.confidence ? row.cell(columns.confidence) : undefined;
        if (!cell) continue;
        const total = confidenceOf(
          { raw: document.text.slice(cell.span.start.offset, cell.span.end.offset), value: cell.text, span: cell.span },
          document,
          columns.percentHeader,
        );
        if (total.value !== null) summaries.push({ kind: 'total', label: title, value: total.value, span: total.span });
        continue;
      }
      if (!title || fromSections) continue;
      items.push(tableHypothesis(document, table, row, title, columns));
    }
  }

  items.sort((a, b) => a.span.start.offset - b.span.start.offset);
  summaries.sort((a, b) => a.span.start.offset - b.span.start.offset);
  return { items, summaries };
}

export function isHypothesisTitle(title: string): boolean {
  return HYPOTHESIS_TITLE.test(stripEmoji(title).trim());
}

/** A section that holds hypotheses: "Hypotheses Considered", "Hypotheses", not one hypothesis itself. */
function isContainer(section: Section | null): boolean {
  if (!section || !section.kinds.includes('hypotheses') || isHypothesisTitle(section.title)) return false;
  // "Ruled-Out Hypotheses" lists what the hypotheses concluded; it is not a set of its own.
  return !normalizeText(section.title).includes('ruled out');
}

function owningHypothesis(section: Section | null, bySection: Map<Section, Hypothesis>): Hypothesis | undefined {
  for (let current = section; current; current = current.parent) {
    const hypothesis = bySection.get(current);
    if (hypothesis) return hypothesis;
  }
  return undefined;
}

function summaryKind(label: string): HypothesisSummary['kind'] | null {
  const words = label.split(' ');
  const total = words.includes('total') || words.includes('sum') || words.includes('budget');
  if (total && (label.includes('confidence') || label.includes('hypothes') || words.includes('budget'))) return 'total';
  if (label.includes('confidence') && (words.includes('primary') || label.includes('root cause') || words.includes('overall'))) {
    return 'primary';
  }
  return null;
}

function percentIn(raw: string, offset: number, document: PostmortemDocument): { value: number; span: Span } | null {
  const match = PERCENT.exec(raw);
  if (!match) return null;
  const start = offset + match.index;
  return { value: Number(match[1]), span: document.lines.span(start, start + match[0].length) };
}

function confidenceOf(field: Pick<Field, 'raw' | 'value' | 'span'>, document: PostmortemDocument, percentColumn: boolean): HypothesisConfidence {
  const percent = percentIn(field.raw, field.span.start.offset, document);
  if (percent) return { value: percent.value, text: field.value, span: percent.span };
  const bare = percentColumn ? BARE_NUMBER.exec(field.value) : null;
  return { value: bare ? Number(bare[1]) : null, text: field.value, span: field.span };
}

function statusOf(field: Pick<Field, 'raw' | 'value' | 'span'>, document: PostmortemDocument): HypothesisStatus {
  const raw = field.raw;
  const first = raw.search(/[\p{L}\p{N}]/u);
  if (first === -1) return { value: '', text: field.value, span: field.span, ruledOut: false };
  const rest = raw.slice(first);
  const end = rest.search(STATUS_END);
  const words = (end === -1 ? rest : rest.slice(0, end)).replace(/[*_`~]+$/, '').trimEnd();
  const start = field.span.start.offset + first;
  const value = words.replace(/[*`~]/g, '').trim().toUpperCase().replace(/[\s-]+/g, '_');
  return { value, text: field.value, span: document.lines.span(start, start + words.length), ruledOut: RULED_OUT.test(value) };
}

interface HypothesisColumns {
  hypothesis: string;
  confidence: string | null;
  status: string | null;
  percentHeader: boolean;
}

function hypothesisColumns(table: TableModel): HypothesisColumns | null {
  const hypothesis = table.columns.find((column) => HYPOTHESIS_COLUMNS.has(column));
  if (!hypothesis) return null;
  const confidence = table.columns.find((column) => CONFIDENCE_LABELS.has(column)) ?? null;
  const status = table.columns.find((column) => STATUS_LABELS.has(column)) ?? null;
  if (!confidence && !status) return null;
  const percentHeader = confidence ? (table.header.cell(confidence)?.text.includes('%') ?? false) : false;
  return { hypothesis, confidence, status, percentHeader };
}

function tableHypothesis(
  document: PostmortemDocument,
  table: TableModel,
  row: TableRowModel,
  title: string,
  columns: HypothesisColumns,
): Hypothesis {
  const asField = (column: string | null) => {
    const cell = column ? row.cell(column) : undefined;
    if (!cell || !cell.text) return null;
    return { raw: document.text.slice(cell.span.start.offset, cell.span.end.offset), value: cell.text, span: cell.span };
  };
  const confidence = asField(columns.confidence);
  const status = asField(columns.status);
  return {
    title,
    source: 'table',
    span: row.span,
    section: table.section,
    confidence: confidence ? confidenceOf(confidence, document, columns.percentHeader) : null,
    status: status ? statusOf(status, document) : null,
  };
}
