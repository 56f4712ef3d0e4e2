import stringWidth from 'string-width';
import { VFile } from 'vfile';
import { reporter as vfileReporter } from 'vfile-reporter';
import type { LintMessage } from '../engine/types.js';
import type { Reporter } from './types.js';
import { displayPath } from './paths.js';
import { hyperlink } from './hyperlinks.js';
import { fastStringWidth } from '../util/fast-string-width.js';

/** Columns when the output is not a terminal. */
export const DEFAULT_WIDTH = 80;
/** The message column never gets narrower than this, whatever the terminal: a finding stays readable. */
const MIN_MESSAGE_WIDTH = 30;

const width = fastStringWidth(() => stringWidth);

const RED = '\u001B[31m';
const YELLOW = '\u001B[33m';
const DEFAULT_COLOR = '\u001B[39m';

/**
 * Human output through vfile-reporter, one line per finding: `line:column  severity
 * message  rule-id`, within the terminal's width (80 when not a terminal). A message too
 * long for its column is shown by what it states, its advice ("…: add a heading such as …")
 * left to the rule's documentation, which a footer links once per rule; a statement still
 * too long is cut at a word. The summary counts problems and those `--fix` can fix. Every
 * other format (json, sarif, github, junit) carries whole messages.
 */
export const stylish: Reporter = (results, context) => {
  const columns = context.width ?? DEFAULT_WIDTH;
  const messages = results.flatMap((result) => result.messages);
  const positionWidth = Math.max(0, ...messages.map((message) => `${message.line}:${message.column}`.length));
  const labelWidth = messages.some((message) => message.severity !== 2) ? 'warning'.length : 'error'.length;
  const ruleWidth = Math.max(0, ...messages.map((message) => width(message.ruleId ?? '')));
  // vfile-reporter pads every cell but the last to its column's width plus one space.
  const messageWidth = Math.max(MIN_MESSAGE_WIDTH, columns - positionWidth - labelWidth - ruleWidth - 3);

  let shortened = 0;
  const files = results.map((result) => {
    const file = new VFile({ path: displayPath(result.filePath, context.cwd) });
    for (const lint of result.messages) {
      const shown = fitMessage(lint, messageWidth);
      if (!shown.startsWith(withoutLineBreaks(lint.message))) shortened++;
      const message = file.message(shown, {
        place: { line: lint.line, column: lint.column },
        ruleId: lint.ruleId ?? undefined,
      });
      message.fatal = lint.severity === 2;
    }
    return file;
  });
  let output = vfileReporter(files, { color: context.color, verbose: false, quiet: false });
  if (messages.length === 0) return output ? `${output}\n` : '';
  // vfile-reporter's last line counts "messages"; pm-lint's summary replaces it.
  output = output.slice(0, output.lastIndexOf('\n\n'));
  const note = shortened > 0 ? `${wrap(`${shortened === 1 ? 'One message is' : `${shortened} messages are`} shortened to fit ${columns} columns: their advice is in the rules' documentation, and --format json gives them whole.`, columns).join('\n')}\n\n` : '';
  return `${output}\n\n${footer(messages, columns, context.color && context.hyperlinks === true)}\n${note}${summary(results, context.color)}\n`;
};

/**
 * The message as shown in `columns`: the rules whose findings it stands for named after it
 * ("(also no-placeholders)"); the whole message when it fits, else its statement, else the
 * statement cut at a word.
 */
export function fitMessage(message: LintMessage, columns: number): string {
  const also = message.duplicates?.length ? ` (also ${message.duplicates.map((duplicate) => duplicate.ruleId).join(', ')})` : '';
  const room = columns - width(also);
  const text = withoutLineBreaks(message.message);
  if (width(text) <= room) return text + also;
  const statement = statementOf(text);
  if (width(statement) <= room) return statement + also;
  return cut(statement, room) + also;
}

/**
 * A message's own line breaks become spaces: a finding is one line. (Unlike the model's
 * oneLine, the message's other spacing is kept as its rule wrote it.)
 */
function withoutLineBreaks(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ');
}

/**
 * What a message states, without its advice: the text before the first ": " or "; " that
 * is not inside quotes ('Missing required section "Impact": add a heading such as …').
 */
export function statementOf(message: string): string {
  let quoted = false;
  for (let i = 0; i < message.length - 1; i++) {
    const character = message[i]!;
    if (character === '"' || character === '“' || character === '”') quoted = character === '“' ? true : character === '”' ? false : !quoted;
    else if (!quoted && (character === ':' || character === ';') && message[i + 1] === ' ') return message.slice(0, i);
  }
  return message.replace(/\.$/, '');
}

/** The text cut at the last space that leaves room for "…" within `columns` (a word longer than that is cut inside). */
function cut(text: string, columns: number): string {
  const [head = ''] = wrap(text, Math.max(1, columns - 1));
  return `${head.replace(/[\s,;:(]+$/, '')}…`;
}

/**
 * Each rule that reported, once, with its documentation: its id links there where the
 * terminal shows links. Ids and URLs stand in two columns when every row fits the width.
 */
function footer(messages: LintMessage[], columns: number, links: boolean): string {
  const urls = new Map<string, string>();
  for (const message of messages) {
    if (message.ruleId && message.docsUrl && !urls.has(message.ruleId)) urls.set(message.ruleId, message.docsUrl);
  }
  if (urls.size === 0) return '';
  const rows = [...urls].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const idWidth = Math.max(...rows.map(([ruleId]) => width(ruleId)));
  const aligned = rows.every(([, url]) => 2 + idWidth + 2 + width(shownUrl(url)) <= columns);
  const lines = ['Rule documentation:'];
  for (const [ruleId, url] of rows) {
    const name = links ? hyperlink(ruleId, url) : ruleId;
    if (aligned) lines.push(`  ${name}${' '.repeat(idWidth - width(ruleId))}  ${shownUrl(url)}`);
    else lines.push(`  ${name}`, `    ${shownUrl(url)}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A README on GitHub as its folder's page, which shows the same README 12 columns
 * shorter (a rule's docs then fit on one row at 100 columns); other URLs as they are.
 */
function shownUrl(url: string): string {
  const match = /^(https:\/\/github\.com\/[^/\s]+\/[^/\s]+\/)blob(\/[^\s]+)\/README\.md$/.exec(url);
  return match ? `${match[1]}tree${match[2]}` : url;
}

function summary(results: ReadonlyArray<{ errorCount: number; warningCount: number; fixableErrorCount: number; fixableWarningCount: number }>, color: boolean): string {
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  for (const result of results) {
    errors += result.errorCount;
    warnings += result.warningCount;
    fixable += result.fixableErrorCount + result.fixableWarningCount;
  }
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const mark = errors > 0 ? (color ? `${RED}✖${DEFAULT_COLOR}` : '✖') : color ? `${YELLOW}⚠${DEFAULT_COLOR}` : '⚠';
  const fixes = fixable > 0 ? `; ${fixable} can be fixed with --fix` : '';
  return `${mark} ${plural(errors + warnings, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})${fixes}`;
}

/**
 * Lines of at most `columns` (terminal columns, wide characters counted twice), broken at
 * spaces; a word longer than a line is broken where it must be. Line breaks in the text stay.
 */
export function wrap(text: string, columns: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    let lineWidth = 0;
    let started = false;
    for (const word of paragraph.split(' ')) {
      const wordWidth = width(word);
      if (started && lineWidth + 1 + wordWidth <= columns) {
        line += ` ${word}`;
        lineWidth += 1 + wordWidth;
        continue;
      }
      if (started) lines.push(line);
      let rest = word;
      while (width(rest) > columns) {
        const [head, tail] = splitAt(rest, columns);
        lines.push(head);
        rest = tail;
      }
      line = rest;
      lineWidth = width(rest);
      started = true;
    }
    lines.push(line);
  }
  return lines;
}

/** The longest start of a word that fits in `columns`, and the rest. */
function splitAt(word: string, columns: number): [string, string] {
  let used = 0;
  let end = 0;
  for (const character of word) {
    const size = width(character);
    if (used + size > columns && end > 0) break;
    used += size;
    end += character.length;
  }
  return [word.slice(0, end), word.slice(end)];
}
