import type { Table, TableRow } from 'mdast';
import type { LineIndex } from '../parse/positions.js';
import type { Section, TableCellModel, TableModel, TableRowModel } from './types.js';
import { plainText } from '../text/inline.js';
import { normalizeText, splitTitle } from '../text/normalize.js';

/** A table as records keyed by normalised header, every cell with the span of its content. */
export function buildTable(node: Table, section: Section | null, lines: LineIndex): TableModel {
  const [headerNode, ...bodyNodes] = node.children as [TableRow, ...TableRow[]];
  const headerTexts = (headerNode?.children ?? []).map((cell) => plainText(cell).trim());
  const columns: string[] = [];
  const columnNotes: Array<string | null> = [];
  for (const text of headerTexts) {
    const parts = splitTitle(text);
    columns.push(parts.base || normalizeText(text));
    columnNotes.push(parts.bracketed.length > 0 ? parts.bracketed.join(' ') : null);
  }
  const header = buildRow(headerNode, 0, columns, lines);
  const rows = bodyNodes.map((row, index) => buildRow(row, index + 1, columns, lines));
  return {
    node,
    span: lines.span(node.position!.start.offset!, node.position!.end.offset!),
    section,
    header,
    columns,
    columnNotes,
    rows,
  };
}

function buildRow(node: TableRow, index: number, columns: string[], lines: LineIndex): TableRowModel {
  const cells: TableCellModel[] = node.children.map((cell, i) => ({
    node: cell,
    text: plainText(cell).trim(),
    span: cellContentSpan(cell.position!.start.offset!, cell.position!.end.offset!, lines),
    column: columns[i] ?? '',
  }));
  return {
    node,
    index,
    span: lines.span(node.position!.start.offset!, node.position!.end.offset!),
    cells,
    cell(column: string) {
      const i = columns.indexOf(column);
      return i === -1 ? undefined : cells[i];
    },
  };
}

/** The span of a cell's content: without its pipes and padding. */
function cellContentSpan(start: number, end: number, lines: LineIndex): TableCellModel['span'] {
  const text = lines.text;
  let from = start;
  let to = end;
  if (text[from] === '|') from++;
  if (to > from && text[to - 1] === '|' && text[to - 2] !== '\\') to--;
  const gapStart = from;
  const gapEnd = to;
  while (from < to && (text[from] === ' ' || text[from] === '\t')) from++;
  while (to > from && (text[to - 1] === ' ' || text[to - 1] === '\t')) to--;
  if (from === to) return lines.span(gapStart, gapEnd);
  return lines.span(from, to);
}
