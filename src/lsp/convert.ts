import { DiagnosticSeverity, type Diagnostic, type Position, type Range, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Fix, LintMessage } from '../engine/types.js';

/**
 * pm-lint's places and LSP's: pm-lint counts lines from 1 and columns from 1 in UTF-16
 * code units (LineIndex), LSP counts both from 0, columns in UTF-16 code units too (the
 * encoding every client supports; the server announces no other). Line endings are "\n",
 * "\r\n" and a lone "\r" on both sides. pm-lint lints text without its byte-order mark,
 * so a document that starts with one has its first line's columns one further on.
 */

/** The text pm-lint lints (without a BOM), and how far the document's first line is shifted by it. */
export function lintableText(text: string): { text: string; bom: number } {
  return text.charCodeAt(0) === 0xfeff ? { text: text.slice(1), bom: 1 } : { text, bom: 0 };
}

export function positionOf(line: number, column: number, bom: number): Position {
  return { line: Math.max(0, line - 1), character: Math.max(0, column - 1) + (line === 1 ? bom : 0) };
}

export function rangeOf(message: LintMessage, bom: number): Range {
  return { start: positionOf(message.line, message.column, bom), end: positionOf(message.endLine, message.endColumn, bom) };
}

export const SOURCE = 'pm-lint';

export function toDiagnostic(message: LintMessage, bom: number): Diagnostic {
  const diagnostic: Diagnostic = {
    range: rangeOf(message, bom),
    severity: message.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: SOURCE,
    message: message.message,
  };
  if (message.ruleId !== null) diagnostic.code = message.ruleId;
  if (message.docsUrl) diagnostic.codeDescription = { href: message.docsUrl };
  return diagnostic;
}

/** A fix (offsets of the text without BOM) as an edit of the document. */
export function fixEdit(document: TextDocument, fix: Fix, bom: number): TextEdit {
  return {
    range: { start: document.positionAt(fix.range[0] + bom), end: document.positionAt(fix.range[1] + bom) },
    newText: fix.text,
  };
}

/**
 * The smallest single edit that turns `before` into `after`: their common start and end
 * are kept, so that the cursor and folds outside the changed part stay where they are.
 */
export function minimalEdit(document: TextDocument, before: string, after: string, bom: number): TextEdit | null {
  if (before === after) return null;
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // Never split a surrogate pair or a "\r\n".
  if (start > 0 && isLowSurrogateOrLf(before, start)) start--;
  let end = 0;
  while (end < shortest - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  if (end > 0 && isLowSurrogateOrLf(before, before.length - end)) end--;
  return {
    range: { start: document.positionAt(start + bom), end: document.positionAt(before.length - end + bom) },
    newText: after.slice(start, after.length - end),
  };
}

function isLowSurrogateOrLf(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  const previous = text.charCodeAt(index - 1);
  return (code >= 0xdc00 && code <= 0xdfff && previous >= 0xd800 && previous <= 0xdbff) || (code === 10 && previous === 13);
}

/** Whether a position lies in a range, its ends included (a hover just after a finding's last character still finds it). */
export function rangeContains(range: Range, position: Position): boolean {
  return !before(position, range.start) && !before(range.end, position);
}

export function rangesIntersect(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
