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

import { isAdmonitionMark } from './callouts.js';
import { findDates } from './dates.js';

export interface PlaceholderMatch {
  start: number;
  end: number;
  text: string;
}

/** `[…]` on one line, without nested brackets. */
/** Brackets, whose content an editor may have wrapped onto a second line. */
const BRACKETED = /\[([^[\]\n]{1,300}(?:\n[^[\]\n]{1,300})?)\]/g;

/**
 * Bracket contents that are never placeholders: citations, times, editorial marks, task
 * boxes, offsets from a reference time ("[T+3h]", "[T-10m]", "[D+1]", "[+5m]"), and the
 * callout marks of GitHub and Obsidian ("> [!NOTE]", "> [!warning]").
 */
const NOT_PLACEHOLDER_CONTENT =
  /^(?:!\p{L}[\p{L}-]{0,20}[+-]?|\d{1,4}|[ xX✓✔]|\^.*|\?+|\.{3}|…|~?\d{1,2}:[\d?]{2}(?::\d{2})?.*|sic|redacted|removed|snip|omitted|edit(?:ed)?(?::.*)?|emphasis (?:added|mine)|citation needed|link|here|this|source|[TDH]? ?[+-] ?\d{1,4}(?:[.:]\d{1,2})? ?(?:s|secs?|m|mins?|h|hrs?|d|days?|w)?)$/iu;

/** Words that name what a placeholder stands for ("[Name]", "[Owner]", "[Link to …]"). */
const NAME_CONTENT =
  /^(?:(?:your|full|team|owner|author|service|system|company|product|customer|incident|brief|short|ticket|project|reviewer|approver)\s+)?(?:names?|name\(s\)|names\(s\)|owners?|authors?|title|description|date|time|duration|email|handle|team|url|link|ticket(?: id| number)?|number|amount|count|percentage|value|details?|summary|impact|root cause|region|version)$/i;
/**
 * Instructions inside brackets: a verb or phrase that asks the author to write something,
 * or words that say where it goes ("[your text here]", "[name here]"; not "[click here]").
 */
const INSTRUCTION_CONTENT =
  /^(?:links? to\b|insert\b|describe\b|explain\b|enter\b|fill\b|replace\b|summari[sz]e\b|write\b|provide\b|specify\b|list of\b|number of\b|e\.g\.|if applicable\b|\d{1,2}\s*[-–]\s*\d{1,2}\s+(?:sentences?|paragraphs?|words?|bullets?|lines?)\b)|^(?!(?:click|see|look|start|read|more|details|info)\b)(?:[\p{L}/-]{1,30}\s+){1,3}(?:goes\s+)?here$|(?:\.{3}|…)\s*$|\bif applicable\b|\be\.g\.,?\s/iu;
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
/**
 * A single letter standing for a number ("X users") is a variable in a formula ("= X
 * requests/sec * Y", "< X%", "1/N requests"). On a line where one letter is a variable, or
 * where a letter is defined ("where N is", "X = 85"), every lone letter is one.
 */
const FORMULA_BEFORE = /(?:[=*×+÷<>≤≥]|\d\/)[ \t]{0,2}$/;
const FORMULA_AFTER = /^\S{0,20}[ \t]{0,2}[=*×+÷<>≤≥]/;
const FORMULA_LINE =
  /(?<![\w$])[XYNZ]%?[ \t]{0,2}[=*×+÷<>≤≥]|(?:[=*×+÷<>≤≥]|\d\/)[ \t]{0,2}\$?[XYNZ](?![\w])|\bwhere[ \t]{1,3}[XYNZ][ \t]{1,3}(?:is|are|=)\b/;
const LONE_LETTER = /^\$?[XYN](?:%| |$)/;
/** "4XX", "5XX": HTTP status classes, not masks. */
const STATUS_CLASS = /^[1-5]XX$/;
/**
 * Digits with some of them crossed out, "account ending in 4XXX", "XXX-XX-1234": a value
 * redacted on purpose, not one left to fill. A date with its month or day left as XX
 * ("2026-XX-XX") is still a mask.
 */
const REDACTED = /^(?=[\dX-]*\d)(?=[\dX-]*XX)[\dX-]+$/;
const DATE_MASK = /^\d{4}-(?:\d\d|XX)-(?:\d\d|XX)$/;
/** "2X:XX", "1X:30": a time known only roughly is not a mask (timelines write "14:??" the same way). */
const ROUGH_TIME = /^(?=.*\d)[\dX?]{1,2}:[\dX?]{2}$/;
/**
 * A date or time mask that tells how a value is written rather than standing for one: in
 * parentheses after a label or a value ("Time (HH:MM)", "Duration: 1:23 (hh:mm)",
 * "**Start (YYYY-MM-DD HH:MM UTC):** 2026-09-07 12:02"), after "as" or "format" ("dates are
 * written as DD/MM/YYYY", "Date format: YYYY-MM-DD"), after "times … in" ("all times in
 * HH:MM UTC"), or before "format". A mask in parentheses where the value goes ("Date:
 * (YYYY-MM-DD)", "Detected at (HH:MM)") is still a mask; so is a mask of X ("in XX
 * minutes"), which stands for a number.
 */
const LEGEND_MASK = /^[YMDHSymdhs]+(?:[-/.: ]+[YMDHSymdhs]+)*$/;
/** What a legend's parentheses may hold beside the mask: a zone or clock ("UTC", "24h", "local time"). */
const LEGEND_COMPANIONS = /^(?:[\s,;/]|UTC|GMT|Z|local|time|zone|24h|24-hour|[A-Z]{1,4}T)*$/;
/** Words before "(HH:MM)" that leave the parentheses where a value goes ("at", "on", "by"). */
const VALUE_BEFORE = /(?:[:=|–—-]|\b(?:at|on|by|from|to|until|till|since|of|is|was|were|are|around|about|after|before|between|and))\s*$/i;
const LEGEND_BEFORE = /\b(?:as|format:?|formatted|notation:?)\s+$|\b(?:times|dates|timestamps)\b[^.]{0,30}\bin\s+$/i;
const LEGEND_AFTER = /^\s+(?:format|notation)\b/i;

/** How far around a mask the words that make it a legend are looked for (so that a long line stays linear). */
const LEGEND_REACH = 40;

function isLegend(value: string, start: number, end: number): boolean {
  if (!LEGEND_MASK.test(value.slice(start, end))) return false;
  const from = Math.max(0, start - LEGEND_REACH);
  const openAt = value.slice(from, start).lastIndexOf('(');
  const closeAt = value.slice(end, end + LEGEND_REACH).indexOf(')');
  const open = openAt === -1 ? -1 : from + openAt;
  const close = closeAt === -1 ? -1 : end + closeAt;
  if (open !== -1 && close !== -1 && !value.slice(open + 1, start).includes(')') && !value.slice(end, close).includes('(')) {
    const companions = value.slice(open + 1, start) + ' ' + value.slice(end, close);
    if (LEGEND_COMPANIONS.test(companions)) {
      const before = value.slice(Math.max(0, open - LEGEND_REACH), open);
      return before.trim() !== '' && !VALUE_BEFORE.test(before);
    }
  }
  return LEGEND_BEFORE.test(value.slice(Math.max(0, start - LEGEND_REACH * 2), start)) || LEGEND_AFTER.test(value.slice(end, end + LEGEND_REACH));
}

/** Characters that end the token a mask atom belongs to ("INC-YYYY-MM-DD-XXX" is one token). */
const TOKEN_BREAK = /[\s[\](){}|<>"'`*]/;

/**
 * Markers left for later: a whole value, or a word in prose ("owner TBD", "is ?????"); filler
 * text ("Lorem ipsum") and a link never put in ("see the dashboard (link)").
 */
const MARKER_VALUE = /^(?:TBD|TBA|TBC|TODO|FIXME|XXX|\?{3,})$/i;
const MARKER_WORD =
  /(?<![\w-])(?:TBD|TBA|TBC)(?![\w-])|(?<![\w[?-])\?{3,}(?![\w\]?:-])|(?<![\w-])XXX(?![\w-])|(?<![\w-])[Ll]orem[ \t]+ipsum(?![\w-])|\((?:link|url|LINK|URL)\)/g;
/** "TODO: …", "TODO(ana): …" or "FIXME: …" opening a line. */
const MARKER_LINE = /^(?:TODO|FIXME)(?:\b|\([\w@. -]{1,30}\))(?=\s*(?::|$))/;
/** The same note after a dash, as a timeline entry's text: "10:40 — FIXME: check the time" (a colon after it: "Status — TODO" is a status). */
const MARKER_AFTER_DASH = /(?<=\s[—–-]\s{1,3})(?:TODO|FIXME)(?:\b|\([\w@. -]{1,30}\))(?=\s*:)/g;

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
/** Words written with a slash that offer no choice: "N/A" is not applicable, not "N" or "A". */
const SLASHED_WORDS = new Set(['n/a', 'w/o', 'i/o', 'a/b', 'r/w', 'b/w', 'c/o', 'ci/cd', 'tcp/ip', '24/7', 'and/or']);

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
    // "[[ADR-12]]", "[[Runbooks/Gateway|runbook]]": a wiki link.
    if (after === ']' && value[m.index - 1] === '[') continue;
    const choices = choiceAlternatives(content);
    const kind: BracketKind = choices ? 'choice' : 'placeholder';
    const telling =
      choices !== null ||
      NAME_CONTENT.test(content) ||
      INSTRUCTION_CONTENT.test(content) ||
      CAPITAL_ID_CONTENT.test(content) ||
      findMasks(content).length > 0;
    found.push({ start: m.index, end: m.index + m[0].length, text: m[0].replace(/[ \t]*\n[ \t]*/g, ' '), kind, telling });
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
  if (!/[|/]|\sor\s/.test(text) || SLASHED_WORDS.has(text.toLowerCase())) return null;
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
    if (LONE_LETTER.test(m[0]) && (FORMULA_BEFORE.test(value.slice(Math.max(0, start - 3), start)) || FORMULA_AFTER.test(value.slice(end)))) {
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
  const kept = found.filter(
    (match) =>
      !/^X{3}$/.test(match.text) && !ROUGH_TIME.test(match.text) && !STATUS_CLASS.test(match.text) &&
      (!REDACTED.test(match.text) || DATE_MASK.test(match.text)) && !isLegend(value, match.start, match.end),
  );
  if (kept.some((match) => LONE_LETTER.test(match.text)) && FORMULA_LINE.test(value)) {
    return kept.filter((match) => !LONE_LETTER.test(match.text));
  }
  return kept;
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

/** Markers in prose: "TBD", "???" and "XXX" as words, "TODO:"/"FIXME:" opening a line or after a dash. */
export function findMarkers(value: string): PlaceholderMatch[] {
  const found: PlaceholderMatch[] = [];
  MARKER_WORD.lastIndex = 0;
  for (let m = MARKER_WORD.exec(value); m; m = MARKER_WORD.exec(value)) {
    // `??? note "Details"`: the mark of an admonition that folds (MkDocs), not a question left open.
    if (m[0].startsWith('?') && isAdmonitionMark(lineAround(value, m.index))) continue;
    found.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  let lineStart = 0;
  for (const line of value.split('\n')) {
    const indent = line.length - line.trimStart().length;
    const m = MARKER_LINE.exec(line.trimStart());
    if (m) found.push({ start: lineStart + indent, end: lineStart + indent + m[0].length, text: m[0] });
    else if (line.includes('TODO') || line.includes('FIXME')) {
      for (const after of line.matchAll(MARKER_AFTER_DASH)) found.push({ start: lineStart + after.index, end: lineStart + after.index + after[0].length, text: after[0] });
    }
    lineStart += line.length + 1;
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The line of `text` that holds `index`. */
function lineAround(text: string, index: number): string {
  const end = text.indexOf('\n', index);
  return text.slice(text.lastIndexOf('\n', index - 1) + 1, end === -1 ? text.length : end);
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
 * Variables of the template engines that generate postmortems: "{{incident_title}}",
 * "{{ Describe what happened }}", "<OWNER_NAME>". Not Go templates, Helm or Hugo ("{{
 * .Values.replicas }}", "{{- if … }}", "{{< track … >}}"), which documents quote, nor what
 * the site generator of a blog or docs site fills in when it builds the page: Jekyll's
 * and MkDocs' globals ("{{ site.baseurl }}", "{{ page.date }}", "{{ config.site_url }}"),
 * or a quoted string through a filter ("{{ '/status' | relative_url }}").
 */
const DOUBLE_CURLY = /\{\{([^{}\n]{1,120})\}\}/g;
const NOT_A_VARIABLE =
  /^(?:[.\-<%/#>!'"]|(?:if|else|end|range|with|define|template|block|include|printf|toYaml|tpl|default|required|quote)\b|(?:site|page|post|layout|paginator|jekyll|config|content)\b(?:\.|\s*$|\s*\|))/;
const CAPITAL_ANGLE = /<[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+>/g;
/** "<REDACTED_TOKEN>", "<CUSTOMER_NAME_REMOVED>": a value hidden on purpose in a public write-up, not one to fill. */
const REDACTION_WORD = /(?:^<|_)(?:REDACTED|REMOVED|HIDDEN|MASKED|OMITTED|SANITI[SZ]ED|ANONYMI[SZ]ED|CENSORED|SCRUBBED)(?:_|>$)/;
/**
 * A whole value that is a variable: "${INCIDENT_DATE}", "%SEVERITY%", "{customer_impact}",
 * "<OWNER_NAME>". In single braces only a lower-case name: "{TITAN}" in a table of query
 * results is a set.
 */
const VARIABLE_VALUE = /^(?:\$\{[A-Za-z_][\w.]{0,60}\}|%[A-Z][A-Z0-9_]{0,60}%|\{[a-z][a-z0-9]{0,30}(?:[_.][a-z0-9]{1,30}){0,5}\}|<[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+>)$/;

/** Template-engine variables left in a text ("{{incident_title}}", "<OWNER_NAME>"). */
export function findTemplateVariables(text: string): PlaceholderMatch[] {
  const found: PlaceholderMatch[] = [];
  if (text.includes('{{')) {
    DOUBLE_CURLY.lastIndex = 0;
    for (let m = DOUBLE_CURLY.exec(text); m; m = DOUBLE_CURLY.exec(text)) {
      const inner = m[1]!.trim();
      if (inner && /\p{L}/u.test(inner) && !NOT_A_VARIABLE.test(inner)) found.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
    }
  }
  if (text.includes('<')) {
    CAPITAL_ANGLE.lastIndex = 0;
    for (let m = CAPITAL_ANGLE.exec(text); m; m = CAPITAL_ANGLE.exec(text)) {
      if (!REDACTION_WORD.test(m[0])) found.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Whether a whole value is a template variable ("${INCIDENT_DATE}", "%SEVERITY%", "{customer_impact}"). */
export function isTemplateVariable(value: string): boolean {
  return VARIABLE_VALUE.test(value.trim());
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
    findMasks(value).length > 0 || findMarkers(value).length > 0 || isTemplateVariable(value) || findTemplateVariables(value).length > 0
  );
}

/** Names of HTML elements: `<details open>` is HTML, `<add name here>` is not. */
export const HTML_ELEMENTS = new Set(
  ('a abbr address area article aside audio b base bdi bdo big blockquote body br button canvas caption center cite code col ' +
    'colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure font footer form h1 h2 h3 ' +
    'h4 h5 h6 head header hr html i iframe img input ins kbd label legend li link main map mark meta meter nav noscript ' +
    'object ol optgroup option output p param picture pre progress q rp rt ruby s samp script section select small source ' +
    'span strike strong style sub summary sup table tbody td template textarea tfoot th thead time title tr track tt u ul ' +
    'var video wbr').split(' '),
);
/** `<Word word …>`: two to thirteen bare words, no `=`, `/` or quotes (what the parser reads as an HTML tag). */
const ANGLE_WORDS = /^<([A-Za-z][\w-]{0,30})((?:\s{1,4}[A-Za-z][\w'’.()-]{0,40}){1,12})\s{0,4}>$/;
const ANGLE_INSTRUCTION = /^(?:add|insert|put|paste|enter|type)\b|\bhere$/i;

/**
 * Whether raw HTML is a placeholder in angle brackets: `<add name here>`, `<Link to the
 * recording>`. The words must give it away (as in a bracket: "Link to …", "Name"; or
 * "add …", "… here"), and a tag named like an HTML element needs three or more words
 * after its name (`<details open>`, `<video controls autoplay>` are HTML). As the whole
 * value of a field or a cell (`wholeValue`), one word may be enough (see isAngleName).
 */
export function isAnglePlaceholder(html: string, wholeValue = false): boolean {
  const match = ANGLE_WORDS.exec(html.trim());
  if (!match) return wholeValue && isAngleName(html);
  const attributes = match[2]!.trim().split(/\s+/).length;
  if (HTML_ELEMENTS.has(match[1]!.toLowerCase()) && attributes < 3) return false;
  const inner = html.trim().slice(1, -1).trim();
  return ANGLE_INSTRUCTION.test(inner) || findBrackets(`[${inner}]`).some((bracket) => bracket.telling);
}

/** `<name>`: one word that is no HTML element, in angle brackets. */
const ANGLE_WORD = /^<([A-Za-z][\w-]{0,30})>$/;

/**
 * Whether a whole value in angle brackets is one word that names what goes there, as a
 * bracket would (`**Incident commander:** <name>`, `| <owner> |`); not an HTML element
 * (`<br>`, `<details>`) and not a word that gives nothing away (`<hostname>`).
 */
function isAngleName(html: string): boolean {
  const match = ANGLE_WORD.exec(html.trim());
  return match !== null && !HTML_ELEMENTS.has(match[1]!.toLowerCase()) && findBrackets(`[${match[1]}]`).some((bracket) => bracket.telling);
}

/** "{WIP}", "[WIP]", "(TBD)", "(TODO)", "(work in progress)" in a heading, or "WIP:" opening it. */
const HEADING_MARKER = /[[({][ \t]{0,3}(?:WIP|TODO|TBD|TBC|TBA|work in progress)[ \t]{0,3}[\])}]|^(?:WIP|TODO)[ \t]{0,3}:/i;

/** An unfinished-work marker in a heading's text, with the title it leaves; null when there is none. */
export function findHeadingMarker(title: string): (PlaceholderMatch & { rest: string }) | null {
  const match = HEADING_MARKER.exec(title);
  if (!match) return null;
  const rest = (title.slice(0, match.index) + title.slice(match.index + match[0].length)).replace(/\s+/g, ' ').trim();
  return { start: match.index, end: match.index + match[0].length, text: match[0], rest };
}

/** After a date, a time that is a placeholder: "2022-02-02 X: …", "**2025-02-11 XX** - …", "February 2, 2022 X:" (not "2025-02-12 X-Ray"). */
const PLACEHOLDER_TIME_AFTER_DATE = /^[ \tT,]{1,3}(X{1,2}|\?{1,2})(?=[ \t]{0,3}[-–—:|](?:[ \t]|$))/;

/** The placeholder time of a timeline line that opens with a date in any form, or null. */
export function findPlaceholderTime(line: string): PlaceholderMatch | null {
  if (!/[X?]/.test(line)) return null;
  const [date] = findDates(line.slice(0, 40));
  if (!date || date.start !== 0) return null;
  const match = PLACEHOLDER_TIME_AFTER_DATE.exec(line.slice(date.end));
  if (!match) return null;
  const end = date.end + match[0].length;
  return { start: end - match[1]!.length, end, text: match[1]! };
}

/**
 * Keys of fields written inline, after other text: "(owner=, due=2025-07-01)",
 * "(owner: @ren, due: )". Empty when nothing follows before `,`, `;`, `)`, `|` or the end
 * of the line; only after a separator, so that "We had no ETA:" is prose.
 */
export const INLINE_FIELD_KEYS = ['owner', 'assignee', 'due date', 'due', 'deadline', 'eta'] as const;
const EMPTY_INLINE_FIELD = new RegExp(
  `(?<=[,;(|\\[][ \\t]{0,3})(?:${INLINE_FIELD_KEYS.map((key) => key.replace(/ /g, '[ \\t]')).join('|')})[ \\t]{0,3}[:=](?=[ \\t]{0,3}(?:[,;)|\\]]|$))`,
  'gi',
);

/**
 * Inline fields with nothing after their key, in one line. A key that ends the line is
 * not empty when the next line goes on with its value: an editor wrapped the item ("…
 * (owner: @ana, due:" / "  2026-03-01)").
 */
export function findEmptyInlineFields(line: string, next?: string): PlaceholderMatch[] {
  return [...line.matchAll(EMPTY_INLINE_FIELD)]
    .filter((match) => !(line.slice(match.index + match[0].length).trim() === '' && valueOnNextLine(next)))
    .map((match) => ({ start: match.index, end: match.index + match[0].length, text: match[0] }));
}

/** Whether a line goes on with the value of a field key that ended the line before: it opens with neither a delimiter nor a key of its own. */
export function valueOnNextLine(next: string | undefined): boolean {
  return next !== undefined && /^[ \t]*[^\s,;)|\]]/.test(next) && !LINE_OPENS_WITH_KEY.test(next);
}
const LINE_OPENS_WITH_KEY = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?[\p{L}][\p{L} \t]{0,20}(?:\*\*|__)?[ \t]*[:=]/u;

/**
 * A value that is only a question mark or two ("Time to mitigation: ?"; "???" is a marker
 * already), or an ellipsis a template left for the answer ("**How could detection be
 * improved?** ...").
 */
export function isUnknownValue(raw: string): boolean {
  return /^(?:\?{1,2}|\.{3}|…)$/.test(raw.replace(/\*\*|`/g, '').trim());
}

/**
 * Words that open a block as its status ("**DONE**: …", "DOING move the logs"): in a part
 * written as a status board, "TODO" is a status too, not a marker left in.
 */
export const STATUS_LABELS = ['DONE', 'DOING', 'WIP', 'IN PROGRESS', 'IN-PROGRESS', 'BLOCKED', 'FIXED', 'COMPLETED', 'COMPLETE'] as const;
const STATUS_LABEL = new RegExp(`^(?:${STATUS_LABELS.map((word) => word.replace(/ /g, '[ \\t]')).join('|')})(?![\\p{L}\\p{N}])`, 'u');

/** Whether a text opens with a status label written in capitals ("DONE: …"). */
export function opensWithStatusLabel(text: string): boolean {
  return STATUS_LABEL.test(text.trimStart());
}
