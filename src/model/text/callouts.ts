/**
 * The marks that open a callout, a part set in a box: GitHub's and Obsidian's
 * "[!summary] Summary" (the first line of a block quote) and the admonitions of MkDocs and
 * Python-Markdown, `!!! danger "Impact"` (`???` and `???+` for one that folds), whose text is
 * indented under the mark.
 */

export interface CalloutMark {
  /** The callout's type as written: "summary", "danger", "tldr". */
  type: string;
  /** Its own title, quotes and a closing colon removed; "" when it has none. */
  title: string;
}

const QUOTE_CALLOUT = /^\[!([\p{L}-]{1,20})\][+-]?[ \t]*(.*)$/u;
/** The type, then CSS classes ("inline end"), then the quoted title. */
const ADMONITION = /^(?:!!!|\?\?\?\+?)[ \t]+([a-z][\w-]{0,20})((?:[ \t]+[a-z][\w-]{0,20}){0,3})(?:[ \t]+"([^"\n]{0,100})")?[ \t]*$/;

/** The callout mark a line is ("[!info]- Impact", `!!! abstract "Summary"`), or null. */
export function calloutMark(line: string): CalloutMark | null {
  const trimmed = line.trim();
  const quote = QUOTE_CALLOUT.exec(trimmed);
  if (quote) return { type: quote[1]!, title: quote[2]!.replace(/:$/, '').trim() };
  const admonition = ADMONITION.exec(trimmed);
  if (admonition) return { type: admonition[1]!, title: (admonition[3] ?? '').replace(/:$/, '').trim() };
  return null;
}

/** The admonition types of MkDocs Material and Python-Markdown. */
const ADMONITION_TYPES = new Set(
  'note abstract summary tldr info todo tip hint important success check done question help faq warning caution attention failure fail missing danger error bug example quote cite seealso'.split(' '),
);

/**
 * Whether a line is an admonition's opening mark (`??? note "Details"`): its `???` are no
 * placeholder. A known type or a quoted title: "??? not sure" is a question left open.
 */
export function isAdmonitionMark(line: string): boolean {
  const match = ADMONITION.exec(line.trim());
  return match !== null && (ADMONITION_TYPES.has(match[1]!) || match[3] !== undefined);
}
