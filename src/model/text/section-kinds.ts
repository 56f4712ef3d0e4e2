import { detached, normalizeText, splitTitle } from './normalize.js';
import { BUILT_IN_SECTION_ALIASES, SECTION_KEYWORDS } from './section-vocabulary.js';

export { BUILT_IN_SECTION_ALIASES, SECTION_KEYWORDS };

/** An English preposition after the head of a title: "Timeline of the recovery". */
const PREPOSITION = / (?:of|on|for|from|with|in|to|during|after|before|about|behind|across) /;

const NON_LATIN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Scripts written without spaces between words: their titles compose without separators ("障害原因"). */
const UNSPACED = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\s]+$/u;

/**
 * Aliases too general to name a kind inside a section that already has one: "What
 * Happened" under "Root Cause" is part of the root cause, not a second summary.
 */
const WEAK_ALIASES = new Set([
  'what happened', 'description', 'background', 'overview', 'details', 'analysis', 'events', 'fix',
  'cause', 'scope', 'lessons', 'stats', 'identified', 'trigger', 'situation', 'the fix', 'recovery',
  'prevention', 'todo', 'links', 'references', 'level',
  ...GENERAL_WORDS(),
]);

/** Aliases that name a kind only as a whole title: "Confidence Summary" is not the summary. */
const WHOLE_TITLE_ONLY = new Set([
  'summary', 'details', 'description', 'overview', 'analysis', 'background', 'scope', 'level', 'to do',
  'situation', 'identified', 'events', 'lucky', 'fix', 'cause',
  ...GENERAL_WORDS(),
]);

/**
 * Titles that name a kind only when they stand alone, and only where no section around
 * them has a kind: "Introduction" is a summary, "Introduction to the queue" is not;
 * "Updates" under "Resolution" are part of it.
 */
function GENERAL_WORDS(): string[] {
  return [
    'introduction', 'context', 'symptom', 'symptoms', 'team', 'questions', 'escalation', 'annex', 'key facts', 'in brief', 'at a glance', 'problem statement',
    'updates', 'update log', 'event log', 'origin', 'reason', 'reasons', 'the bug', 'tasks', 'work items',
    'improvements', 'going forward', 'consequences', 'damage', 'losses', 'mitigations', 'workaround',
    'einleitung', 'hintergrund', 'beschreibung', 'sachverhalt', 'ablauf', 'verlauf', 'chronik', 'aktualisierungen',
    'folgen', 'ausmaß', 'auslöser', 'aufgaben', 'offene punkte', 'verbesserungen', 'lösung', 'behebung', 'fazit', 'lehren',
    'contexte', 'déroulement', 'déroulé', 'historique', 'mises à jour', 'portée', 'étendue', 'conséquences', 'suivi',
    'améliorations', 'correctif', 'enseignements',
    'introducción', 'contexto', 'antecedentes', 'descripción', 'actualizaciones', 'alcance', 'afectación',
    'consecuencias', 'seguimiento', 'mejoras', 'solución', 'corrección',
    'introdução', 'descrição', 'atualizações', 'abrangência', 'consequências', 'acompanhamento', 'melhorias',
    'solução', 'correção',
  ];
}

export interface ResolvedKinds {
  kinds: string[];
  /**
   * Resolved only through a general alias, a part of a compound title, or a title that
   * merely starts or ends with an alias: inside a section of a known kind, that kind wins
   * ("Prevent Recurrence" under "Action Items" is an action-item list).
   */
  weak: boolean;
}

/**
 * Resolves section titles to kinds. Exact matches win; then compound titles
 * ("Detection & Response") resolve to every part; then a title that starts or ends with
 * an alias ("Impact Assessment", "Detailed Timeline"), the longest alias first.
 */
export class SectionKindResolver {
  private readonly exact = new Map<string, string>();
  /** Aliases longest first, with the separators an affix match needs ("alias ", " alias"). */
  private readonly aliasesByLength: Array<{ kind: string; prefix: string; suffix: string }>;
  /** The same, by their first word and by their last word: a title's own first and last words select the few to try. */
  private readonly byFirstWord = new Map<string, Array<{ kind: string; prefix: string }>>();
  private readonly byLastWord = new Map<string, Array<{ kind: string; suffix: string }>>();
  /** Aliases of scripts written without spaces, tried on every title. */
  private readonly unspaced: Array<{ kind: string; alias: string }> = [];
  /** Resolved titles: the same titles recur in every document of a run. Read-only results. */
  private readonly resolved = new Map<string, ResolvedKinds>();
  private readonly keywords: Array<{ kind: string; word: string }> = [];
  /** The kinds the team gave titles of its own (`settings.sectionAliases`): they are read in the team's language, whatever it is. */
  readonly ownKinds: ReadonlySet<string>;

  constructor(extraAliases: Readonly<Record<string, readonly string[]>> = {}, includeBuiltIns = true) {
    this.ownKinds = new Set(Object.entries(extraAliases).filter(([, aliases]) => aliases.length > 0).map(([kind]) => kind));
    const add = (kind: string, alias: string) => {
      const normalized = normalizeText(alias);
      if (normalized && !this.exact.has(normalized)) this.exact.set(normalized, kind);
    };
    // User aliases first, so a team can move a title to another kind.
    for (const [kind, aliases] of Object.entries(extraAliases)) for (const alias of aliases) add(kind, alias);
    if (includeBuiltIns) {
      for (const [kind, aliases] of Object.entries(BUILT_IN_SECTION_ALIASES)) for (const alias of aliases) add(kind, alias);
    }
    this.aliasesByLength = [...this.exact]
      .filter(([alias]) => !WHOLE_TITLE_ONLY.has(alias))
      .sort((a, b) => b[0].length - a[0].length)
      .map(([alias, kind]) => (UNSPACED.test(alias) ? { kind, prefix: alias, suffix: alias } : { kind, prefix: `${alias} `, suffix: ` ${alias}` }));
    for (const { kind, prefix, suffix } of this.aliasesByLength) {
      if (prefix === suffix) {
        this.unspaced.push({ kind, alias: prefix });
        continue;
      }
      const words = prefix.trim().split(' ');
      const first = this.byFirstWord.get(words[0]!) ?? [];
      first.push({ kind, prefix });
      this.byFirstWord.set(words[0]!, first);
      const last = this.byLastWord.get(words.at(-1)!) ?? [];
      last.push({ kind, suffix });
      this.byLastWord.set(words.at(-1)!, last);
    }
    if (includeBuiltIns) {
      for (const [kind, words] of Object.entries(SECTION_KEYWORDS)) for (const word of words) this.keywords.push({ kind, word: normalizeText(word) });
    }
  }

  /**
   * The kind a title names by one of its words when no alias matches it ("Impacted
   * Slots", "Strategies impacted"): null when none, or when it holds words of two kinds.
   * For telling whether a document covers a kind, not for the kind of a section.
   */
  resolveByKeyword(title: string): string | null {
    const resolved = this.resolve(title);
    if (resolved.length > 0) return resolved.length === 1 ? resolved[0]! : null;
    const text = normalizeText(title);
    const words = new Set(text.split(' '));
    let found: string | null = null;
    for (const { kind, word } of this.keywords) {
      const hit = UNSPACED.test(word) ? text.includes(word) : word.includes(' ') ? ` ${text} `.includes(` ${word} `) : words.has(word);
      if (!hit || found === kind) continue;
      if (found !== null) return null;
      found = kind;
    }
    return found;
  }

  get kinds(): string[] {
    return [...new Set(this.exact.values())];
  }

  /** The kind a title is an alias of, as a whole (no affix, no compound): "Impact" yes, "Impact level" no. */
  resolveExactly(title: string): string[] {
    const parts = splitTitle(title);
    for (const candidate of [parts.base, parts.beforeSeparator, ...parts.bracketed]) {
      const kind = candidate ? this.exact.get(candidate) : undefined;
      if (kind) return [kind];
    }
    return [];
  }

  /** Every kind a heading names, most specific first; empty when none. */
  resolve(title: string): string[] {
    return this.resolveDetailed(title).kinds;
  }

  resolveDetailed(title: string): ResolvedKinds {
    let resolved = this.resolved.get(title);
    if (!resolved) {
      if (this.resolved.size >= 10_000) this.resolved.clear();
      resolved = this.resolveUncached(title);
      this.resolved.set(detached(title), resolved);
    }
    return resolved;
  }

  private resolveUncached(title: string): ResolvedKinds {
    const parts = splitTitle(title);
    const candidates = [parts.base, parts.beforeSeparator, ...parts.bracketed].filter(
      (candidate): candidate is string => Boolean(candidate),
    );
    for (const candidate of candidates) {
      const kind = this.exact.get(candidate);
      if (kind) return { kinds: [kind], weak: WEAK_ALIASES.has(candidate) };
    }
    const compound = this.resolveCompound(parts.compoundParts);
    if (compound.length > 0) return { kinds: compound, weak: true };
    for (const candidate of candidates) {
      const kind = this.resolveAffix(candidate);
      if (kind) return { kinds: [kind], weak: true };
    }
    return { kinds: [], weak: false };
  }

  /**
   * A title that holds an alias with other words is named by its head, as a reader takes
   * it: the words before a preposition ("Timeline of the recovery", "Effects on customers"),
   * else the last words ("Root cause follow-ups" is a list of follow-ups, "Recovery
   * timeline" a timeline), else the first ("Impact assessment").
   */
  private resolveAffix(candidate: string): string | undefined {
    const preposition = PREPOSITION.exec(candidate);
    if (preposition && preposition.index > 0) {
      const head = candidate.slice(0, preposition.index);
      const kind = (WHOLE_TITLE_ONLY.has(head) ? undefined : this.exact.get(head)) ?? this.matchSuffix(head) ?? this.matchPrefix(head);
      if (kind) return kind;
    }
    return this.matchSuffix(candidate) ?? this.matchPrefix(candidate);
  }

  private resolveCompound(parts: string[]): string[] {
    if (parts.length < 2) return [];
    const kinds: string[] = [];
    for (const part of parts) {
      const kind = this.exact.get(part) ?? this.resolveAffix(part);
      if (kind && !kinds.includes(kind)) kinds.push(kind);
    }
    return kinds;
  }

  private matchPrefix(candidate: string): string | undefined {
    const space = candidate.indexOf(' ');
    for (const { kind, prefix } of (space === -1 ? undefined : this.byFirstWord.get(candidate.slice(0, space))) ?? []) {
      if (candidate.startsWith(prefix)) return kind;
    }
    return this.matchUnspaced(candidate, (alias) => candidate.startsWith(alias));
  }

  private matchSuffix(candidate: string): string | undefined {
    const space = candidate.lastIndexOf(' ');
    for (const { kind, suffix } of (space === -1 ? undefined : this.byLastWord.get(candidate.slice(space + 1))) ?? []) {
      if (candidate.endsWith(suffix)) return kind;
    }
    return this.matchUnspaced(candidate, (alias) => candidate.endsWith(alias));
  }

  /** CJK aliases compose without spaces ("障害原因"): tried as they stand, longest first. */
  private matchUnspaced(candidate: string, matches: (alias: string) => boolean): string | undefined {
    if (this.unspaced.length === 0 || !NON_LATIN.test(candidate)) return undefined;
    for (const { kind, alias } of this.unspaced) if (alias !== candidate && matches(alias)) return kind;
    return undefined;
  }
}

const sharedResolvers = new WeakMap<object, SectionKindResolver>();
let defaultResolver: SectionKindResolver | undefined;

/**
 * The resolver for a set of extra aliases (with the built-in ones), built once per
 * aliases object: files that share a configuration share it, and building one
 * normalises every alias.
 */
export function sectionKindResolver(extraAliases?: Readonly<Record<string, readonly string[]>>): SectionKindResolver {
  if (!extraAliases) return (defaultResolver ??= new SectionKindResolver());
  let resolver = sharedResolvers.get(extraAliases);
  if (!resolver) sharedResolvers.set(extraAliases, (resolver = new SectionKindResolver(extraAliases)));
  return resolver;
}

/** How each kind is usually titled, for messages and docs (the first is the kind's name). */
export const KIND_TITLES: Readonly<Record<string, readonly string[]>> = {
  summary: ['Summary', 'Executive Summary', 'Incident Summary', 'Issue Summary', 'Overview', 'TL;DR'],
  impact: ['Impact', 'Customer Impact', 'User Impact', 'Impact Assessment', 'Business Impact'],
  timeline: ['Timeline', 'Incident Timeline', 'Timeline of Events', 'Key Events', 'Chronology'],
  'root-cause': ['Root Cause', 'Root Causes', 'Root Cause Analysis', 'Contributing Factors', 'Causes', 'Five Whys'],
  detection: ['Detection', 'How Was the Incident Detected?'],
  response: ['Response', 'Incident Response', 'Responders'],
  resolution: ['Resolution', 'Resolution and Recovery', 'Recovery', 'Mitigation'],
  'action-items': ['Action Items', 'Corrective Actions', 'Follow-ups', 'Next Steps', 'Remediation', 'Preventative Measures'],
  lessons: ['Lessons Learned', 'Key Takeaways', 'Conclusion'],
  'went-well': ['What Went Well'],
  'went-wrong': ['What Went Wrong', 'What Went Poorly'],
  lucky: ['Where We Got Lucky'],
  hypotheses: ['Hypotheses', 'Hypotheses Considered'],
  metadata: ['Incident Details', 'Metadata'],
  participants: ['Attendees', 'Participants'],
  communication: ['Communication'],
  'related-incidents': ['Related Incidents'],
  appendix: ['Appendix', 'Supporting Information', 'References'],
  'sign-off': ['Sign-off', 'Approvals'],
  'open-questions': ['Open Questions'],
};

/** The display name of a kind: "root-cause" → "Root Cause". */
export function kindName(kind: string): string {
  return KIND_TITLES[kind]?.[0] ?? kind.replace(/-/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
}

/** The parts every postmortem has. */
export const CORE_KINDS = ['summary', 'impact', 'timeline', 'root-cause', 'action-items'] as const;
