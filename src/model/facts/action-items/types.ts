import type { Span } from '../../parse/positions.js';
import type { ListItemModel, Section, TableModel, TableRowModel } from '../types.js';
import type { ActionItemFieldName, ActionItemFields } from './inline-fields.js';

export interface ActionItemTable {
  table: TableModel;
  /** The normalised header key of each column that holds a field, or of the action column. */
  columns: Partial<Record<ActionItemFieldName | 'action', string>>;
  /** Whether the table is in an action-item section (otherwise its header made it one). */
  inActionSection: boolean;
  /** Whether it has body rows and every one of them is empty (a template's "| | | |" row). */
  empty: boolean;
}

/**
 * Where an item is written: a table row, a task-list item, a bullet or numbered item, a
 * paragraph ("**TODO**: …", "We will add…" under "Next steps", a lead-in "Create X:" over
 * its details), a heading ("#### 1. Faster recovery" under "## Prevention"), or one line of
 * a paragraph of plain lines.
 */
export type ActionItemSource = 'table' | 'task-list' | 'bullet' | 'paragraph' | 'heading' | 'line';

export interface ActionItem {
  source: ActionItemSource;
  /** The table row, the list item (nested lists included), the paragraph, heading or line. */
  span: Span;
  /** What is to be done, Markdown removed. */
  text: string;
  /** Where findings about the item go: the action cell, the item's first paragraph, the promising sentence, the heading. */
  textSpan: Span;
  section: Section | null;
  /**
   * The fields the item states. For a table row, a field whose column exists is always
   * present (its text is "" when the cell is empty); a field whose column is missing is
   * absent. For other items, only fields written in the item are present.
   */
  fields: ActionItemFields;
  /** Task-list state: true ([x]), false ([ ]), null when not a task-list item. */
  checked: boolean | null;
  /** Whether a list item holds no words: nothing, or a bare box the parser read as text ("- [ ]" with nothing after it). */
  empty: boolean;
  /**
   * Whether the item is done: a checked task, a status such as Done or Won't Do, a
   * "(done)" note, a heading or label that says so ("Immediate Actions (Completed)",
   * "**Actions taken:**"), a lead-in that reports the list as done ("We made these
   * changes:"), or an item written in the past tense ("Added rate limiting").
   */
  completed: boolean;
  table: ActionItemTable | null;
  row: TableRowModel | null;
  listItem: ListItemModel | null;
}
