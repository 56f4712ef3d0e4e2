import type { LineIndex } from '../parse/positions.js';
import type { Field, ParagraphModel, TableModel } from './types.js';
import type { MetadataKeyResolver } from '../text/metadata-keys.js';
import { inlineSourceToText } from '../text/inline.js';

/**
 * `**Key:** value`, `**Key**: value`, `__Key:__ value` and plain `Key: value` at the start
 * of a line (in Japanese and Chinese, `影響時間：約1時間` with the full-width colon), and a term over its definition (`Impact` then `: About 4% of logins failed`).
 * Keys are short labels (no URL, no time such as "14:30"); the value is the rest of the
 * line. Linear: every quantifier is bounded or runs over a disjoint class.
 */
const KEY_LINE =
  /^(?<open>\*\*|__)?(?<key>[^*_:：`[\]|<>\n]{1,60}?)(?:(?<closeBefore>\*\*|__)[ \t]*[:：]|[:：](?<closeAfter>\*\*|__)?)(?:(?=[ \t]|$)|(?<=：(?:\*\*|__)?))[ \t]*/;
/** Several fields on one line: "Incident: X · Severity: Y". */
const FIELD_SEPARATOR = /[ \t]+[·•][ \t]+/g;

const LINE_PREFIX = /^[ \t]*(?:>[ \t]?)*/;

function acceptKey(key: string, bold: boolean): boolean {
  const trimmed = key.trim();
  if (!/\p{L}/u.test(trimmed)) return false;
  if (/^https?$|^mailto$|^[a-z]+:\/\//i.test(trimmed)) return false;
  const words = trimmed.split(/\s+/).length;
  return bold ? words <= 8 : words <= 4 && /^[\p{L}#]/u.test(trimmed);
}

/** Reads the `Key: value` lines of one paragraph. */
export function fieldsFromParagraph(
  paragraph: ParagraphModel,
  lines: LineIndex,
  keys: MetadataKeyResolver,
): Field[] {
  const fields: Field[] = [];
  const { start, end } = paragraph.span;
  for (let line = start.line; line <= end.line; line++) {
    const lineStart = line === start.line ? start.offset : lines.lineStart(line);
    const lineEnd = line === end.line ? end.offset : lines.lineEnd(line);
    let text = lines.text.slice(lineStart, lineEnd);
    const prefix = line === start.line ? 0 : (LINE_PREFIX.exec(text)?.[0].length ?? 0);
    text = text.slice(prefix);
    const base = lineStart + prefix;
    // "Impact" over ": About 4% of logins failed": a definition list (kramdown, PHP Markdown Extra).
    if (line < end.line) {
      const definition = definitionField(text, base, line + 1, line + 1 === end.line ? end.offset : lines.lineEnd(line + 1), lines, keys, paragraph);
      if (definition) {
        fields.push(definition);
        line++;
        continue;
      }
    }
    // A line may hold several fields separated by "·".
    const segments: Array<[number, number]> = [];
    let segmentStart = 0;
    for (const separator of text.matchAll(FIELD_SEPARATOR)) {
      segments.push([segmentStart, separator.index]);
      segmentStart = separator.index + separator[0].length;
    }
    segments.push([segmentStart, text.length]);
    for (const [from, to] of segments) {
      const field = parseKeyLine(text.slice(from, to), base + from, lines, keys, paragraph);
      if (field) fields.push(field);
      else if (segments.length > 1) break;
    }
  }
  return fields;
}

/** The definition line under a term: ": About 4% of logins failed". */
const DEFINITION = /^[ \t]*(?:>[ \t]?)*:[ \t]+(?=\S)/;

function definitionField(
  term: string,
  termOffset: number,
  line: number,
  lineEnd: number,
  lines: LineIndex,
  keys: MetadataKeyResolver,
  paragraph: ParagraphModel,
): Field | null {
  const label = term.trim();
  if (label.includes(':') || !acceptKey(label, false)) return null;
  const lineStart = lines.lineStart(line);
  const text = lines.text.slice(lineStart, lineEnd);
  const marker = DEFINITION.exec(text);
  if (!marker) return null;
  const keyStart = termOffset + (term.length - term.trimStart().length);
  return lineField(label, keyStart, text.slice(marker[0].length).trimEnd(), lineStart + marker[0].length, lines, keys, paragraph);
}

function parseKeyLine(
  text: string,
  offset: number,
  lines: LineIndex,
  keys: MetadataKeyResolver,
  paragraph: ParagraphModel,
): Field | null {
  const match = KEY_LINE.exec(text);
  if (!match?.groups) return null;
  const { open, key, closeBefore, closeAfter } = match.groups;
  const bold = Boolean(open);
  if (bold !== Boolean(closeBefore ?? closeAfter)) return null;
  if (!acceptKey(key!, bold)) return null;
  let valueText = text.slice(match[0].length);
  // Hard breaks: two trailing spaces or a backslash.
  valueText = valueText.replace(/(?: {2,}|\\)$/, '').trimEnd();
  const keyStart = offset + (open?.length ?? 0) + (key!.length - key!.trimStart().length);
  return lineField(key!.trim(), keyStart, valueText, offset + match[0].length, lines, keys, paragraph);
}

/** A field of a paragraph's line: its label where `keyStart` is, its value as written from `valueStart`. */
function lineField(
  label: string,
  keyStart: number,
  valueText: string,
  valueStart: number,
  lines: LineIndex,
  keys: MetadataKeyResolver,
  paragraph: ParagraphModel,
): Field {
  return {
    key: keys.resolve(label),
    label,
    value: inlineSourceToText(valueText),
    raw: valueText,
    data: inlineSourceToText(valueText),
    span: lines.span(valueStart, valueStart + valueText.length),
    keySpan: lines.span(keyStart, keyStart + label.length),
    source: 'line',
    section: paragraph.section,
  };
}

const FIELD_TABLE_KEY_HEADERS = new Set([
  'field', 'fields', 'key', 'property', 'attribute', 'item', 'name', 'metadata', 'parameter', 'detail', 'details', 'metric', 'metrics', 'measure', 'question', '',
]);
const FIELD_TABLE_VALUE_HEADERS = new Set(['value', 'values', 'details', 'detail', 'description', 'info', 'information', 'answer', '']);

/** Whether a table is a two-column `| Field | Value |` table. */
export function isFieldTable(table: TableModel, keys: MetadataKeyResolver): boolean {
  if (table.columns.length !== 2) return false;
  const [keyColumn, valueColumn] = table.columns as [string, string];
  if (FIELD_TABLE_KEY_HEADERS.has(keyColumn) && FIELD_TABLE_VALUE_HEADERS.has(valueColumn)) return true;
  // A table whose header row is itself the first field: | **Incident ID** | INC-1 |
  return keys.isKnown(table.header.cells[0]?.text ?? '') && table.rows.every((row) => keys.isKnown(row.cells[0]?.text ?? ''));
}

/** Reads the rows of a field table (and its header row when that is a field too). */
export function fieldsFromTable(table: TableModel, keys: MetadataKeyResolver, lines: LineIndex): Field[] {
  const rows = keys.isKnown(table.header.cells[0]?.text ?? '') ? [table.header, ...table.rows] : table.rows;
  const fields: Field[] = [];
  for (const row of rows) {
    const [keyCell, valueCell] = row.cells;
    if (!keyCell || !valueCell) continue;
    const label = keyCell.text.replace(/:$/, '').trim();
    if (!label) continue;
    fields.push({
      key: keys.resolve(label),
      label,
      value: valueCell.text,
      raw: lines.text.slice(valueCell.span.start.offset, valueCell.span.end.offset),
      data: valueCell.text,
      span: valueCell.span,
      keySpan: keyCell.span,
      source: 'table',
      section: table.section,
    });
  }
  return fields;
}
