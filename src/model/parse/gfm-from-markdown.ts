/**
 * The mdast side of GFM tables and task lists, as mdast-util-gfm-table and
 * mdast-util-gfm-task-list-item 2.0 build it (MIT, © Titus Wormer), without their
 * Markdown serializers: those packages import mdast-util-to-markdown (about 50 modules)
 * for serializing, which pm-lint never does, and one file's run would pay to load it.
 * The trees are the same; test/model-parse.test.ts compares them with the packages'.
 */
import type { InlineCode, ListItem, Paragraph, Table, TableCell, TableRow } from 'mdast';
import type { CompileContext, Extension, Token } from 'mdast-util-from-markdown';

type Align = Table['align'];

declare module 'mdast-util-from-markdown' {
  interface CompileData {
    /** Inside a table: `\|` in code is a pipe. */
    inTable?: boolean | undefined;
  }
}

export function gfmTableFromMarkdown(): Extension {
  return {
    enter: { table: enterTable, tableData: enterCell, tableHeader: enterCell, tableRow: enterRow },
    exit: { codeText: exitCodeText, table: exitTable, tableData: exit, tableHeader: exit, tableRow: exit },
  };
}

function enterTable(this: CompileContext, token: Token): void {
  const align = (token as Token & { _align: Array<'left' | 'right' | 'center' | 'none'> })._align;
  const table: Table = { type: 'table', align: align.map((value) => (value === 'none' ? null : value)) as Align, children: [] };
  this.enter(table, token);
  this.data.inTable = true;
}

function exitTable(this: CompileContext, token: Token): void {
  this.exit(token);
  this.data.inTable = undefined;
}

function enterRow(this: CompileContext, token: Token): void {
  const row: TableRow = { type: 'tableRow', children: [] };
  this.enter(row, token);
}

function enterCell(this: CompileContext, token: Token): void {
  const cell: TableCell = { type: 'tableCell', children: [] };
  this.enter(cell, token);
}

function exit(this: CompileContext, token: Token): void {
  this.exit(token);
}

/** In a table, `\|` inside code is a pipe (other backslashes stay). */
function exitCodeText(this: CompileContext, token: Token): void {
  let value = this.resume();
  if (this.data.inTable) value = value.replace(/\\([\\|])/g, (whole: string, char: string) => (char === '|' ? char : whole));
  (this.stack[this.stack.length - 1] as InlineCode).value = value;
  this.exit(token);
}

export function gfmTaskListItemFromMarkdown(): Extension {
  return {
    exit: {
      taskListCheckValueChecked: exitCheck,
      taskListCheckValueUnchecked: exitCheck,
      paragraph: exitParagraphWithTaskListItem,
    },
  };
}

function exitCheck(this: CompileContext, token: Token): void {
  // Always in a paragraph, in a list item.
  (this.stack[this.stack.length - 2] as ListItem).checked = token.type === 'taskListCheckValueChecked';
}

/** Drops the space after `[x]` from the first paragraph of a task list item. */
function exitParagraphWithTaskListItem(this: CompileContext, token: Token): void {
  const parent = this.stack[this.stack.length - 2];
  if (parent && parent.type === 'listItem' && typeof parent.checked === 'boolean') {
    const node = this.stack[this.stack.length - 1] as Paragraph;
    const head = node.children[0];
    if (head && head.type === 'text') {
      const firstParagraph = parent.children.find((sibling) => sibling.type === 'paragraph');
      if (firstParagraph === node) {
        head.value = head.value.slice(1);
        if (head.value.length === 0) {
          node.children.shift();
        } else if (node.position && head.position && typeof head.position.start.offset === 'number') {
          head.position.start.column++;
          head.position.start.offset++;
          node.position.start = { ...head.position.start };
        }
      }
    }
  }
  this.exit(token);
}
