import type { PostmortemDocument } from '../../document.js';
import type { Span, TableCellModel, TableModel, TableRowModel } from '../types.js';
import { makeField, type ActionItemFieldName, type ActionItemFields } from './inline-fields.js';
import { reportsWorkDone } from './phrases.js';
import { COMPLETED_STATUSES, normalizeStatus } from './statuses.js';
import type { ActionItem, ActionItemTable } from './types.js';

/**
 * Tables of action items: which tables hold them (by their columns), and the item of each
 * row, with a field for every column that holds one.
 */

export const ACTION_ITEM_FIELDS: readonly ActionItemFieldName[] = ['owner', 'priority', 'due', 'status', 'ticket'];

type ColumnRole = ActionItemFieldName | 'action';

/**
 * Header texts of each kind of column, compared after normalisation: in English, then in the
 * other languages whose sections pm-lint reads (German, French, Spanish, Portuguese,
 * Japanese, Chinese, Korean).
 */
const COLUMN_ALIASES: Readonly<Record<ColumnRole, readonly string[]>> = {
  action: [
    'action', 'actions', 'action item', 'action items', 'item', 'items', 'task', 'tasks', 'description',
    'corrective action', 'remediation', 'follow up', 'improvement', 'todo',
    'maßnahme', 'maßnahmen', 'aufgabe', 'aufgaben', 'action corrective', 'tâche', 'acción', 'acciones', 'tarea', 'ação', 'ações', 'tarefa',
    'アクション', '対応', '対応内容', '対策', '再発防止策', '行动项', '措施', '改进措施', '조치', '조치 사항', '후속 조치',
  ],
  owner: [
    'owner', 'owners', 'who', 'assignee', 'assignees', 'assigned to', 'owned by', 'responsible', 'dri', 'owner team',
    'owning team', 'team', 'teams', 'responsible team',
    'verantwortlich', 'verantwortliche', 'zuständig', 'responsable', 'responsables', 'propriétaire', 'responsável', 'responsáveis',
    '担当', '担当者', '负责人', '責任者', '담당', '담당자',
  ],
  priority: ['priority', 'pri', 'prio', 'priorität', 'priorité', 'prioridad', 'prioridade', '優先度', '优先级', '우선순위'],
  due: [
    'due', 'due date', 'deadline', 'target date', 'target', 'eta', 'due by', 'by when', 'target completion',
    'expected date', 'expected', 'completion date', 'target release', 'expected completion',
    'fällig', 'fällig bis', 'frist', 'termin', 'zieldatum', 'échéance', 'date limite', 'date cible', 'fecha límite', 'fecha objetivo',
    'prazo', 'data limite', 'data prevista', '期限', '期日', '完了予定', '截止日期', '截止时间', '기한', '마감일', '완료 예정일',
  ],
  status: ['status', 'state', 'statut', 'état', 'estado', 'situação', 'ステータス', '状態', '状况', '状态', '상태'],
  ticket: [
    'ticket', 'tickets', 'bug', 'tracking', 'tracking bug', 'tracking issue', 'issue', 'jira', 'jira ticket', 'link', 'pr',
    'チケット', '工单', '티켓',
  ],
};
const COLUMN_ROLE = new Map<string, ColumnRole>();
for (const [role, aliases] of Object.entries(COLUMN_ALIASES) as Array<[ColumnRole, readonly string[]]>) {
  for (const alias of aliases) COLUMN_ROLE.set(alias, role);
}
/** Column names too common to make a table elsewhere a list of action items ("| Team | Description |" under Impact). */
const SECTION_ONLY_COLUMNS = new Set(['team', 'teams', 'expected']);
/** Columns that number rows rather than describe the action. */
const INDEX_COLUMNS = new Set(['', 'number', 'no', 'nr', 'id', 'ref', 'type', 'category']);
const TIME_COLUMNS = new Set(['time', 'timestamp', 'date time', 'datetime', 'when']);

function roleOf(column: string): ColumnRole | undefined {
  return COLUMN_ROLE.get(column);
}

export function classifyTable(table: TableModel, inActionSection: boolean): ActionItemTable | null {
  const columns: ActionItemTable['columns'] = {};
  for (const column of table.columns) {
    const role = roleOf(column);
    if (!inActionSection && SECTION_ONLY_COLUMNS.has(column)) continue;
    if (role && columns[role] === undefined) columns[role] = column;
  }
  const hasField = columns.owner !== undefined || columns.priority !== undefined || columns.due !== undefined;
  if (table.columns.some((column) => TIME_COLUMNS.has(column))) return null;
  if (inActionSection) {
    if (columns.action === undefined && !hasField) return null;
  } else if (columns.action === undefined || !hasField) return null;
  // Without an action column, the first column that holds no field names the action.
  columns.action ??= table.columns.find((column) => roleOf(column) === undefined && !INDEX_COLUMNS.has(column));
  const empty = table.rows.length > 0 && table.rows.every((row) => row.cells.every((cell) => cell.text === ''));
  return { table, columns, inActionSection, empty };
}

/**
 * What a field's cell states now: a struck-through value is one the writer took back
 * (`~~2026-03-20~~ 2026-03-31`, `~~Ana~~ Ben`), so the rest of the cell is the value.
 */
function standingValue(cell: TableCellModel, document: PostmortemDocument): { text: string; span: Span } {
  const view = document.textOf(cell.node);
  if (view.deleted.length === 0) return cell;
  const masked = view.masked(['deleted'], ' ');
  const start = masked.length - masked.trimStart().length;
  const end = masked.trimEnd().length;
  if (end <= start) return cell;
  const range = view.sourceRange(start, end);
  return { text: masked.slice(start, end), span: document.lines.span(range.start, range.end) };
}

export function itemFromRow(table: ActionItemTable, row: TableRowModel, sectionCompleted: boolean, document: PostmortemDocument): ActionItem | null {
  if (row.cells.every((cell) => cell.text === '')) return null;
  const fields: ActionItemFields = {};
  for (const name of ACTION_ITEM_FIELDS) {
    const column = table.columns[name];
    if (column === undefined) continue;
    const cell = row.cell(column);
    // A short row lacks trailing cells: the field is empty, at the row's end.
    const { text, span } = cell ? standingValue(cell, document) : { text: '', span: document.lines.span(row.span.end.offset, row.span.end.offset) };
    fields[name] = makeField(name, text, span) as never;
  }
  const actionCell = table.columns.action !== undefined ? row.cell(table.columns.action) : undefined;
  const status = fields.status?.value;
  const text = actionCell?.text ?? '';
  // Without a status, a row that reports its action in the past tense is done ("Added test coverage").
  const pastAction = (status === undefined || status === '') && text !== '' && reportsWorkDone(text);
  // "✅ Done" where the date would be: the row says so in its due column.
  const doneInDueCell = fields.due !== undefined && COMPLETED_STATUSES.has(normalizeStatus(fields.due.text));
  return {
    source: 'table',
    span: row.span,
    text,
    textSpan: actionCell?.span ?? row.span,
    section: table.table.section,
    fields,
    checked: null,
    empty: false,
    completed: sectionCompleted || pastAction || doneInDueCell || (status !== undefined && COMPLETED_STATUSES.has(status)),
    table,
    row,
    listItem: null,
  };
}
