/**
 * Template text that authors forget to fill in: bracketed instructions ("[Name]",
 * "[2-3 sentence summary …]"), blanks ("__________"), format masks ("YYYY-MM-DD",
 * "INC-YYYY-MM-DD-XXX", "XX%"), choices left unselected ("SEV-1 | SEV-2", "[ ] P0 [ ] P1"),
 * markers ("TBD", "???") and reserved example domains. These functions read one string
 * (a text node's value, a field's value, a table cell) and return indices in it; the
 * no-placeholders rule decides where to look, and metadata-fields uses them to leave
 * unfilled values to that rule. Every regular expression is linear: bounded quantifiers or
 * disjoint classes only.
 */

export interface PlaceholderMatch {
  start: number;
  end: number;
  text: string;
}

/** `[…]` on one line, without nested brackets. */
const BRACKETED = /\[([^[\]\n]{1,300})\]/g;

/** Bracket contents that are never placeholders: citations, times, editorial marks, task boxes. */
const NOT_PLACEHOLDER_CONTENT =
  /^(?:\d{1,4}|[ xX✓✔]|\^.*|\?+|\.{3}|…|~?\d{1,2}:[\d?]{2}(?::\d{2})?.*|sic|redacted|removed|snip|omitted|edit(?:ed)?(?::.*)?|emphasis (?:added|mine)|citation needed|link|here|this|source)$/i;

/** Words that name what a placeholder stands for ("[Name]", "[Owner]", "[Link to …]"). */
const NAME_CONTENT =
  /^(?:(?:your|full|team|owner|author|service|system|company|product|customer|incident|brief|short|ticket|project|reviewer|approver)\s+)?(?:names?|name\(s\)|names\(s\)|owners?|authors?|title|description|date|time|duration|email|handle|team|url|link|ticket(?: id| number)?|number|amount|count|percentage|value|details?|summary|impact|root cause|region|version)$/i;
/** Instructions inside brackets: a verb or phrase that asks the author to write something. */
const INSTRUCTION_CONTENT =
  /^(?:links? to\b|insert\b|describe\b|explain\b|enter\b|fill\b|replace\b|summari[sz]e\b|write\b|provide\b|specify\b|list of\b|number of\b|e\.g\.|if applicable\b|\d{1,2}\s*[-–]\s*\d{1,2}\s+(?:sentences?|paragraphs?|words?|bullets?|lines?)\b)|(?:\.{3}|…)\s*$|\bif applicable\b|\be\.g\.,?\s/i;
/** "[INCIDENT-ID]", "[TICKET_ID]": capitals joined by dashes, without digits (so "[CVE-2021-44228]" is not one). */
const CAPITAL_ID_CONTENT = /^[A-Z]{2,20}(?:[-_][A-Z]{2,20}){1,4}$/;

/** Blanks: a run of underscores ("__________", "$____", "_____%"). */
const BLANK = /_{3,}/g;

/**
 * Pieces of format masks. "YYYY" (dates and ids), "HH:MM", "HHMMSS", "DD/MM/YY", "XX" (a
 * number or id to fill in), and a single X, Y or N standing for a number ("X%", "$X",
 * "X hours Y minutes", "X users"). Templates also copy the format strings of date libraries,
 * with lower-case minutes, days and years: "HH:mm", "hh:mm:ss", "yyyy-MM-dd", "mm/dd/yyyy".
 */
const MASK_ATOM = new RegExp(
  [
    '(?<![A-Za-z])Y{4}(?=[^A-Za-z]|MM|$)',
    '(?<![A-Za-z])(?:YY|DD|MM|dd|mm)[-/.](?:DD|MM|dd|mm)[-/.](?:YYYY|YY|yyyy|yy)(?![A-Za-z])',
    '(?<![A-Za-z])yyyy[-/.](?:MM|mm)[-/.](?:DD|dd)(?![A-Za-z])',
    '(?<![A-Za-z])(?:HH|hh):(?:MM|mm)(?::(?:SS|ss))?(?![A-Za-z])',
    '(?<![A-Za-z])HHMM(?:SS)?(?![A-Za-z])',
    '(?<![A-Za-z])X{2,12}(?![A-Za-z])',
    '(?<![\\w$])[XYN](?=%)',
    '\\$[XYN](?![A-Za-z])',
    '(?<![\\w$])[XYN] (?:hours?|hrs?|minutes?|mins?|seconds?|secs?|days?|weeks?|users?|requests?|customers?|errors?|tickets?|emails?|messages?|calls?|orders?|transactions?|accounts?|people|times)\\b',
  ].join('|'),
  'g',
);
/** A single letter standing for a number ("X users") is a variable in a formula ("= X requests/sec * Y"). */
const FORMULA_BEFORE = /[=*×+÷][ \t]{0,2}$/;
const FORMULA_AFTER = /^\S{0,20}[ \t]{0,2}[=*×+÷]/;
/** "2X:XX", "1X:30": a time known only roughly is not a mask (timelines write "14:??" the same way). */
const ROUGH_TIME = /^(?=.*\d)[\dX?]{1,2}:[\dX?]{2}$/;
/** Characters that end the token a mask atom belongs to ("INC-YYYY-MM-DD-XXX" is one token). */
const TOKEN_BREAK = /[\s[\](){}|<>"'`*]/;

/** Markers left for later: a whole value, or a word in prose ("owner TBD", "is ?????"). */
const MARKER_VALUE = /^(?:TBD|TBA|TBC|TODO|FIXME|XXX|\?{3,})$/i;
const MARKER_WORD = /(?<![\w-])(?:TBD|TBA|TBC)(?![\w-])|(?<![\w[?-])\?{3,}(?![\w\]?:-])|(?<![\w-])XXX(?![\w-])/g;
/** "TODO: …" or "FIXME: …" opening a line. */
const MARKER_LINE = /^(?:TODO|FIXME)\b(?=\s*(?::|$))/;

/** Inline check boxes: "[ ] P0 [x] P1". */
const CHECKBOX = /\[([ xX])\]/g;

/** Alternatives of a choice: "SEV-1 | SEV-2", "Sev1/Sev2/Sev3", "P0 / P1", "Open/In Progress/Done". */
const CHOICE_SEPARATOR = /\s*[|/]\s*|\s+or\s+/;
const LEVEL_RANGE = /^(?:P|SEV-?|Sev ?|S)(\d)\s*[-–—]\s*(?:P|SEV-?|Sev ?|S)?(\d)$/i;
/** Values that templates offer as alternatives (compared lower-cased, without spaces, dashes or underscores). */
const CHOICE_WORDS = new Set([
  'yes', 'no', 'y', 'n', 'true', 'false', 'na',
  'draft', 'review', 'inreview', 'underreview', 'reviewed', 'final', 'published', 'approved', 'rejected',
  'open', 'inprogress', 'done', 'closed', 'resolved', 'mitigated', 'investigating', 'identified', 'monitoring',
  'ongoing', 'todo', 'blocked', 'notstarted', 'complete', 'completed', 'cancelled', 'canceled', 'wontfix',
  'critical', 'high', 'medium', 'low', 'major', 'minor', 'blocker', 'trivial', 'urgent', 'normal',
  'prevent', 'mitigate', 'detect', 'process',
]);
const LEVEL_WORD = /^(?:p|sev|severity|s|level|tier)\d$/;

function squeeze(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, '');
}

/** Whether a word is one templates offer as a choice ("SEV-2", "P1", "Draft", "In Progress"). */
export function isChoiceWord(text: string): boolean {
  const word = squeeze(text.replace(/[*_`]/g, ''));
  return CHOICE_WORDS.has(word) || LEVEL_WORD.test(word);
}

export type BracketKind = 'choice' | 'placeholder';

export interface BracketMatch extends PlaceholderMatch {
  kind: BracketKind;
  /** Whether the content alone says it is template text (an instruction, a mask, a name, a choice). */
  telling: boolean;
}

/** Bracketed spans that may be placeholders, with whether their content alone gives them away. */
export function findBrackets(value: string): BracketMatch[] {
  const found: BracketMatch[] = [];
  BRACKETED.lastIndex = 0;
  for (let m = BRACKETED.exec(value); m; m = BRACKETED.exec(value)) {
    const content = m[1]!.trim();
    const after = value[m.index + m[0].length];
    if (!content || NOT_PLACEHOLDER_CONTENT.test(content) || after === '(' || after === '[' || after === ':') continue;
    const choices = choiceAlternatives(content);
    const kind: BracketKind = choices ? 'choice' : 'placeholder';
    const telling =
      choices !== null ||
      NAME_CONTENT.test(content) ||
      INSTRUCTION_CONTENT.test(content) ||
      CAPITAL_ID_CONTENT.test(content) ||
      findMasks(content).length > 0;
    found.push({ start: m.index, end: m.index + m[0].length, text: m[0], kind, telling });
  }
  return found;
}

/**
 * The alternatives of a choice left unselected, or null: at least two, separated by "|",
 * "/" or "or", every one a word templates offer ("Draft/Review/Published") — or, when
 * `anyWords` (the field expects one value, such as a severity), any short words.
 */
export function choiceAlternatives(value: string, anyWords = false): string[] | null {
  const text = value.trim();
  if (LEVEL_RANGE.test(text)) return [text];
  if (!/[|/]|\sor\s/.test(text)) return null;
  const parts = text.split(CHOICE_SEPARATOR).map((part) => part.trim());
  if (parts.length < 2 || parts.some((part) => !part || part.length > 40)) return null;
  // "[Yes/No - details]": the last alternative may carry an instruction after a dash.
  const words = parts.map((part, i) => (i === parts.length - 1 ? part.replace(/\s+[-–—]\s+.*$/, '') : part));
  if (words.every(isChoiceWord)) return words;
  if (anyWords && words.every((word) => word.split(/\s+/).length <= 3)) return words;
  return null;
}

/** Format masks: "YYYY-MM-DD", "HH:MM", "INC-YYYY-MM-DD-XXX", "XX%", "$X", "X hours Y minutes". */
export function findMasks(value: string): PlaceholderMatch[] {
  const found: PlaceholderMatch[] = [];
  MASK_ATOM.lastIndex = 0;
  for (let m = MASK_ATOM.exec(value); m; m = MASK_ATOM.exec(value)) {
    let start = m.index;
    let end = m.index + m[0].length;
    if (/^\$?[XYN](?:%| |$)/.test(m[0]) && (FORMULA_BEFORE.test(value.slice(Math.max(0, start - 3), start)) || FORMULA_AFTER.test(value.slice(end)))) {
      continue;
    }
    // Widen a mask to its whole token: "INC-YYYY-MM-DD-XXX", "$XX,XXX", "~XX%".
    if (!m[0].includes(' ')) {
      while (start > 0 && !TOKEN_BREAK.test(value[start - 1]!)) start--;
      while (end < value.length && !TOKEN_BREAK.test(value[end]!)) end++;
      while (end > start + 1 && /[.,;:!?]/.test(value[end - 1]!)) end--;
    }
    const previous = found.at(-1);
    // "YYYY-MM-DD HH:MM" and "X hours Y minutes" are one mask.
    if (previous && start <= previous.end + 1 && /^\s?$/.test(value.slice(previous.end, Math.max(previous.end, start)))) {
      previous.end = Math.max(previous.end, end);
      previous.text = value.slice(previous.start, previous.end);
    } else if (!previous || start >= previous.end) {
      found.push({ start, end, text: value.slice(start, end) });
    }
    MASK_ATOM.lastIndex = Math.max(MASK_ATOM.lastIndex, end);
  }
  // A lone "XXX" is a marker, not a mask.
  return found.filter((match) => !/^X{3}$/.test(match.text) && !ROUGH_TIME.test(match.text));
}

/** Runs of underscores standing for a value to write. */
export function findBlanks(value: string): PlaceholderMatch[] {
  const found: PlaceholderMatch[] = [];
  BLANK.lastIndex = 0;
  for (let m = BLANK.exec(value); m; m = BLANK.exec(value)) {
    let start = m.index;
    let end = m.index + m[0].length;
    // "$____" and "_____%" include their unit.
    if (value[start - 1] === '$') start--;
    if (value[end] === '%') end++;
    found.push({ start, end, text: value.slice(start, end) });
  }
  return found;
}

/** Whether a whole value is a marker left for later ("TBD", "TODO", "???"). */
export function isMarkerValue(value: string): boolean {
  return MARKER_VALUE.test(value.replace(/[*_`]/g, '').trim());
}

/** Markers in prose: "TBD", "???" and "XXX" as words, "TODO:"/"FIXME:" opening a line. */
export function findMarkers(value: string): PlaceholderMatch[] {
  const found: PlaceholderMatch[] = [];
  MARKER_WORD.lastIndex = 0;
  for (let m = MARKER_WORD.exec(value); m; m = MARKER_WORD.exec(value)) {
    found.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  let lineStart = 0;
  for (const line of value.split('\n')) {
    const indent = line.length - line.trimStart().length;
    const m = MARKER_LINE.exec(line.trimStart());
    if (m) found.push({ start: lineStart + indent, end: lineStart + indent + m[0].length, text: m[0] });
    lineStart += line.length + 1;
  }
  return found.sort((a, b) => a.start - b.start);
}

export interface CheckboxGroup extends PlaceholderMatch {
  boxes: number;
  ticked: number;
}

/** Lines with two or more inline check boxes ("[ ] P0 [ ] P1 [ ] P2"), each with how many are ticked. */
export function findCheckboxGroups(value: string, leadingBox: boolean | null = null): CheckboxGroup[] {
  const groups: CheckboxGroup[] = [];
  let lineStart = 0;
  for (const line of value.split('\n')) {
    const boxes = [...line.matchAll(CHECKBOX)];
    const total = boxes.length + (lineStart === 0 && leadingBox !== null ? 1 : 0);
    if (total >= 2 && boxes.length > 0) {
      const ticked = boxes.filter((box) => box[1] !== ' ').length + (lineStart === 0 && leadingBox ? 1 : 0);
      const start = lineStart === 0 && leadingBox !== null ? 0 : lineStart + boxes[0]!.index;
      const end = lineStart + line.trimEnd().length;
      groups.push({ start, end, text: value.slice(start, end), boxes: total, ticked });
    }
    lineStart += line.length + 1;
  }
  return groups;
}

const RESERVED_HOST = /(?:^|\.)example\.(?:com|org|net)\.?$/i;
const BARE_URL = /\bhttps?:\/\/[^\s<>()[\]"'`|]{1,2000}/g;

/** The reserved example host (RFC 2606) a URL points to, or null. */
export function exampleHost(url: string): string | null {
  const match = /^(?:[a-z][a-z0-9+.-]{0,20}:)?\/\/(?:[^@/?#\s]{0,200}@)?([^/:?#\s]{1,253})/i.exec(url.trim());
  const mailto = /^mailto:[^@\s]{1,200}@([^?\s]{1,253})/i.exec(url.trim());
  const host = (match?.[1] ?? mailto?.[1])?.toLowerCase() ?? null;
  return host && RESERVED_HOST.test(host) ? host : null;
}

/** Bare URLs in prose ("https://grafana.example.com/d/x") that point to a reserved example host. */
export function findExampleUrls(value: string): Array<PlaceholderMatch & { host: string }> {
  const found: Array<PlaceholderMatch & { host: string }> = [];
  BARE_URL.lastIndex = 0;
  for (let m = BARE_URL.exec(value); m; m = BARE_URL.exec(value)) {
    const url = m[0].replace(/[.,;:!?]+$/, '');
    const host = exampleHost(url);
    if (host) found.push({ start: m.index, end: m.index + url.length, text: url, host });
  }
  return found;
}

/**
 * Whether a field value holds unfilled template text: a marker, a choice not made, check
 * boxes, a bracket, a blank or a mask ("YYYY-MM-DD HH:MM UTC", "__________ (estimated)").
 * Rules that validate values skip such values and leave them to no-placeholders.
 */
export function isUnfilledValue(raw: string, expectsOneValue = false): boolean {
  const value = raw.replace(/\*\*|`/g, '').trim();
  if (!value) return false;
  if (isMarkerValue(value) || choiceAlternatives(value.replace(/^\[(.*)\]$/, '$1'), expectsOneValue)) return true;
  return (
    findCheckboxGroups(value).length > 0 || findBrackets(value).length > 0 || findBlanks(value).length > 0 ||
    findMasks(value).length > 0 || findMarkers(value).length > 0
  );
}
