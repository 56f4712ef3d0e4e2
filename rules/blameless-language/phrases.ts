/**
 * The wording blameless-language reports, by category, with what to write instead and
 * where that advice comes from (../shared/domain/blameless_phrases.json gathers the
 * sources: PagerDuty's postmortem guides, the Google SRE book and workbook, Etsy's
 * debriefing facilitation guide, Atlassian's incident handbook).
 */

export type Category = 'human-error' | 'blame-verb' | 'judgement' | 'hindsight' | 'assumed-knowledge';

export const CATEGORIES: readonly Category[] = ['human-error', 'blame-verb', 'judgement', 'hindsight', 'assumed-knowledge'];

/**
 * Who must be the subject of a blame verb for it to blame someone:
 * - `person`: verbs only people do ("forgot", "neglected to", "messed up"): any person —
 *   a known name or handle, a capitalised name, a role ("the on-call engineer", "the user"),
 *   he/she/they/someone — or a subject left out after "and" ("…, and crucially, forgot").
 * - `named`: verbs that systems do too ("failed to", "ignored", "broke"): only a known
 *   name, a handle, he/she/someone, or a role ("the engineer"); "The deploy failed to
 *   start", "Grafana broke" and "the alerts were ignored" blame no one.
 * "We" and "I" never count: a team owning its omission is what blameless writing asks for.
 */
export type Subject = 'person' | 'named';

export interface PhraseEntry {
  /** Words in order; an array is a set of alternatives for one position. Lower case. */
  words: ReadonlyArray<string | readonly string[]>;
  category: Category;
  /** What to write instead; completes the category's message. */
  suggestion: string;
  /** For blame verbs: which subjects make the phrase blame someone. */
  subject?: Subject;
  /** A following word that makes the phrase technical ("lazy loading", "sloppy quorum"). */
  notBefore?: readonly string[];
  /** A preceding word that makes it something else ("a change of course"). */
  notAfter?: readonly string[];
  /** The preceding words it needs to mean what it says ("was user error", not "a user error rate"). */
  onlyAfter?: readonly string[];
  /** Not reported in a sentence with "we", "I", "us", "our" or "my": "Our alerts were ignored for weeks" is the team owning it. */
  notInFirstPerson?: boolean;
  /**
   * Not reported after a system as its subject: "The rebuild job should have verified the
   * index" states what the job was expected to do, as "should have waited" does.
   */
  notAfterSystem?: boolean;
}

export interface CategoryInfo {
  /** The message's middle part: why the wording hurts. */
  problem: string;
  /** Where the advice comes from. */
  source: string;
}

export const CATEGORY_INFO: Readonly<Record<Category, CategoryInfo>> = {
  'human-error': {
    problem: 'names a person, not a cause',
    source: 'PagerDuty postmortem-docs effective_postmortems.md; incident-response-docs effective_post_mortems.md',
  },
  'blame-verb': {
    problem: 'makes a person the cause',
    source: 'PagerDuty effective_postmortems.md and culture/blameless.md; SRE Workbook ch. 10; Etsy Debriefing Facilitation Guide',
  },
  judgement: {
    problem: 'judges people instead of describing what happened',
    source: 'SRE Workbook ch. 10 ("careless ignorance"); Atlassian post-incident review best practices',
  },
  hindsight: {
    problem: 'judges with hindsight',
    source: 'Etsy Debriefing Facilitation Guide 03; PagerDuty effective_post_mortems.md (counterfactuals); Chef postmortem template',
  },
  'assumed-knowledge': {
    problem: 'assumes knowledge the people involved may not have had',
    source: 'Etsy Debriefing Facilitation Guide 05',
  },
};

const HUMAN_ERROR = 'name the conditions that made the action possible, such as a script without rate limiting or out-of-date docs';
const OMISSION = 'describe what the person saw and did, and what made the step easy to miss';
const ACTION = 'describe what happened and the system that allowed it';
/** The suggestion when people are the root cause. */
export const ROOT_CAUSE_SUGGESTION = ACTION;
const JUDGEMENT = 'describe the actions and their results with verifiable facts';
export const HINDSIGHT = 'describe what was known at the time, and put improvements in the action items';
const OBVIOUS = 'explain what made it seem obvious, and to whom';

/**
 * Participles after "should have" that judge what someone did or knew. Not "seen", "read"
 * or "looked": "the graph should have looked like this" states what was expected.
 */
const SHOULD_HAVE_DONE = [
  'known', 'caught', 'noticed', 'spotted', 'realised', 'realized', 'checked', 'double-checked', 'tested', 'verified',
  'reviewed', 'done', 'asked', 'listened', 'anticipated', 'foreseen', 'predicted', 'detected', 'escalated', 'thought',
] as const;
/** What follows "should have been" when it judges: "been caught", "been more careful". */
const SHOULD_HAVE_BEEN = ['caught', 'noticed', 'spotted', 'detected', 'obvious', 'clear', 'aware', 'known', 'careful', 'tested', 'reviewed', 'checked'] as const;

/** Checks left undone: "he didn't check", "she did not notice" (with a person as the subject). */
const OMITTED = [
  'check', 'double-check', 'notice', 'anticipate', 'verify', 'confirm', 'validate', 'test', 'realise', 'realize', 'consider', 'review',
  'escalate', 'read', 'follow', 'wait', 'ask',
] as const;
/** The same after "never": "the reviewer never checked". */
const NEVER_DONE = [
  'checked', 'double-checked', 'noticed', 'anticipated', 'verified', 'confirmed', 'validated', 'tested', 'realised', 'realized', 'considered',
  'reviewed', 'escalated', 'followed', 'waited', 'asked',
] as const;
/**
 * Signals people are meant to act on: "the warning was ignored" blames whoever did not act,
 * even in the passive. Not messages, e-mails, errors, headers or settings: software ignores
 * those by design ("the header was ignored by the CDN").
 */
const WARNINGS = [
  'warning', 'warnings', 'alert', 'alerts', 'alarm', 'alarms', 'notification', 'notifications', 'reminder', 'reminders',
  'escalation', 'escalations', 'signs',
] as const;

/** What follows "user error" when it names errors users saw: "user error rates", "user error messages". */
const USER_ERROR_TECHNICAL = [
  'rate', 'rates', 'count', 'counts', 'message', 'messages', 'page', 'pages', 'budget', 'code', 'codes', 'response', 'responses',
  'ratio', 'spike', 'spikes', 'log', 'logs', 'metric', 'metrics', 'dashboard', 'report', 'reports', 'handling', 'path', 'paths',
];

/** Technical uses: "lazy loading", "lazy evaluation", "sloppy quorum". */
const LAZY_TECHNICAL = [
  'loading', 'load', 'loaded', 'loads', 'loader', 'initialization', 'initialisation', 'init', 'initialized', 'evaluation',
  'eval', 'evaluated', 'import', 'imports', 'instantiation', 'fetch', 'fetching', 'mode', 'iterator', 'iteration',
  'sequence', 'property', 'properties', 'deletion', 'expansion', 'binding', 'allocation', 'parsing', 'hydration',
  'compilation', 'rendering', 'caching', 'creation', 'sync', 'start', 'startup', 'migration', 'migrations', 'val',
  'value', 'values', 'list', 'lists', 'stream', 'streams', 'query', 'queries', 'connection', 'connections',
];

export const PHRASES: readonly PhraseEntry[] = [
  { words: ['human', ['error', 'errors']], category: 'human-error', suggestion: HUMAN_ERROR },
  { words: ['operator', ['error', 'errors']], category: 'human-error', suggestion: HUMAN_ERROR },
  // "This was user error", "caused by user error"; not "user error rates" or "a spike in user errors" (errors users saw).
  { words: ['user', 'error'], category: 'human-error', suggestion: HUMAN_ERROR, onlyAfter: ['was', 'is', 'by', 'to', 'as'], notBefore: USER_ERROR_TECHNICAL },

  { words: ['forgot'], category: 'blame-verb', subject: 'person', suggestion: OMISSION },
  { words: ['neglected', 'to'], category: 'blame-verb', subject: 'person', suggestion: OMISSION },
  { words: ['messed', 'up'], category: 'blame-verb', subject: 'person', suggestion: ACTION },
  { words: ['failed', 'to'], category: 'blame-verb', subject: 'named', suggestion: OMISSION },
  { words: ['ignored'], category: 'blame-verb', subject: 'named', suggestion: OMISSION },
  { words: ['broke'], category: 'blame-verb', subject: 'named', suggestion: ACTION },
  { words: ['did', 'not', OMITTED], category: 'blame-verb', subject: 'named', suggestion: OMISSION },
  { words: [["didn't"], OMITTED], category: 'blame-verb', subject: 'named', suggestion: OMISSION },
  { words: ['never', NEVER_DONE], category: 'blame-verb', subject: 'named', suggestion: OMISSION },
  { words: [['overlooked', 'misread', 'underestimated']], category: 'blame-verb', subject: 'named', suggestion: OMISSION },
  { words: ['misjudged'], category: 'blame-verb', subject: 'person', suggestion: OMISSION },
  { words: [WARNINGS, ['was', 'were', 'got'], 'ignored'], category: 'blame-verb', suggestion: OMISSION, notBefore: ['by'], notInFirstPerson: true },
  { words: [WARNINGS, ['had', 'has', 'have'], 'been', 'ignored'], category: 'blame-verb', suggestion: OMISSION, notBefore: ['by'], notInFirstPerson: true },

  { words: [['careless', 'carelessly', 'carelessness']], category: 'judgement', suggestion: JUDGEMENT },
  { words: [['negligent', 'negligently', 'negligence']], category: 'judgement', suggestion: JUDGEMENT },
  { words: [['reckless', 'recklessly', 'recklessness']], category: 'judgement', suggestion: JUDGEMENT },
  { words: [['incompetent', 'incompetence', 'incompetently']], category: 'judgement', suggestion: JUDGEMENT },
  { words: ['lazy'], category: 'judgement', suggestion: JUDGEMENT, notBefore: LAZY_TECHNICAL },
  { words: ['sloppy'], category: 'judgement', suggestion: JUDGEMENT, notBefore: ['quorum', 'quorums'] },
  { words: [['stupid', 'stupidly', 'stupidity']], category: 'judgement', suggestion: JUDGEMENT },
  { words: ['at', 'fault'], category: 'judgement', suggestion: JUDGEMENT },
  { words: ['to', 'blame'], category: 'judgement', suggestion: JUDGEMENT },
  { words: ['blamed', 'on'], category: 'judgement', suggestion: JUDGEMENT },
  { words: ['without', 'being', ['thorough', 'careful', 'attentive', 'diligent']], category: 'judgement', suggestion: JUDGEMENT },
  { words: [['rookie', 'silly', 'dumb', 'amateur', 'amateurish', 'foolish'], ['mistake', 'mistakes', 'error', 'errors', 'move']], category: 'judgement', suggestion: JUDGEMENT },
  { words: [['fat-fingered', 'fat-finger', 'fat-fingering']], category: 'judgement', suggestion: JUDGEMENT },
  { words: ['fat', ['fingered', 'finger', 'fingering']], category: 'judgement', suggestion: JUDGEMENT },
  { words: ['dropped', 'the', 'ball'], category: 'judgement', suggestion: JUDGEMENT },
  // "an oversight by the on-call engineer"; not "oversight by the change board" (supervision).
  { words: ['oversight', 'by'], category: 'judgement', suggestion: JUDGEMENT, onlyAfter: ['an'] },
  { words: [['inattention', 'inattentive', 'inattentiveness']], category: 'judgement', suggestion: JUDGEMENT },
  { words: ['lack', 'of', ['attention', 'care', 'diligence', 'attentiveness']], category: 'judgement', suggestion: JUDGEMENT },
  { words: [['not', "wasn't", "weren't"], 'paying', 'attention'], category: 'judgement', suggestion: JUDGEMENT },

  { words: ['should', 'have', SHOULD_HAVE_DONE], category: 'hindsight', suggestion: HINDSIGHT, notAfterSystem: true },
  { words: ['should', 'have', 'paid', 'attention'], category: 'hindsight', suggestion: HINDSIGHT },
  { words: ['should', 'have', 'been', SHOULD_HAVE_BEEN], category: 'hindsight', suggestion: HINDSIGHT },
  { words: ['should', 'have', 'been', 'more', ['careful', 'thorough', 'cautious', 'attentive']], category: 'hindsight', suggestion: HINDSIGHT },
  { words: [["should've"], SHOULD_HAVE_DONE], category: 'hindsight', suggestion: HINDSIGHT, notAfterSystem: true },
  { words: [["should've"], 'been', SHOULD_HAVE_BEEN], category: 'hindsight', suggestion: HINDSIGHT },
  { words: ['ought', 'to', 'have', SHOULD_HAVE_DONE], category: 'hindsight', suggestion: HINDSIGHT, notAfterSystem: true },
  { words: ['ought', 'to', 'have', 'been', SHOULD_HAVE_BEEN], category: 'hindsight', suggestion: HINDSIGHT },
  { words: ['could', 'have', 'easily'], category: 'hindsight', suggestion: HINDSIGHT },
  { words: [["could've"], 'easily'], category: 'hindsight', suggestion: HINDSIGHT },
  { words: ['could', 'easily', 'have'], category: 'hindsight', suggestion: HINDSIGHT },

  { words: ['obviously'], category: 'assumed-knowledge', suggestion: OBVIOUS },
  { words: ['of', 'course'], category: 'assumed-knowledge', suggestion: OBVIOUS, notAfter: ['change', 'changes', 'changed', 'matter'] },
];

/**
 * "Obviously" and "of course" judge only in a sentence about people or about what should
 * have been ("Of course, nobody had checked", "…which was obviously wrong"), never in one
 * about "we" or "I" ("We have of course rotated the keys") or a plain fact about a system
 * ("the cache obviously had expired"). Words of a norm:
 */
export const NORM_WORDS: ReadonlySet<string> = new Set([
  'should', "shouldn't", 'must', 'ought', 'wrong', 'mistake', 'mistaken', 'supposed', 'bad', 'incorrect', 'needed', 'known',
]);

/**
 * Hindsight on a decision in the passive: "The pull request was merged on a Friday when it
 * should have waited." A decision (`was` / `were` / `got` and one of these) then, in the same
 * sentence, one of DECISION_LINKS, one of DECISION_SUBJECTS and "should have …" / "ought to
 * have …": the "should have …" part is reported. Alone, "should have waited" states what a
 * system was expected to do ("The flag service should have waited for the allow-list").
 */
export const DECISIONS = ['merged', 'approved', 'deployed', 'released', 'shipped', 'pushed', 'published', 'rolled', 'scheduled'] as const;
export const DECISION_LINKS = ['when', 'while', 'although', 'though', 'but', 'where'] as const;
export const DECISION_SUBJECTS = ['it', 'they', 'this', 'that'] as const;
/**
 * What a change itself was expected to do, not what people should have decided: "was
 * deployed, but it should have worked", "…should have been fine". After "been", only a
 * participle counts ("should have been held back", "…been reviewed").
 */
export const EXPECTED_OUTCOMES: ReadonlySet<string> = new Set([
  'worked', 'succeeded', 'failed', 'passed', 'run', 'ran', 'completed', 'finished', 'started', 'triggered', 'fired', 'applied',
  'returned', 'stopped', 'recovered', 'scaled', 'rolled', 'retried', 'timed', 'errored', 'crashed', 'restarted',
]);

/** Participles that do not end in -ed or -en, for "…should have been held back". */
export const IRREGULAR_PARTICIPLES: ReadonlySet<string> = new Set([
  'held', 'kept', 'caught', 'made', 'left', 'sent', 'built', 'done', 'put', 'set', 'shut', 'split', 'stuck', 'told', 'found',
  'brought', 'withheld', 'rebuilt', 'paused', 'reverted',
]);

/**
 * People as the root cause: the value of a "Root Cause:" line, or the first sentence of a
 * root-cause section, whose subject is a role (see ROLES in subjects.ts) or he, she or
 * someone, and whose verb is an action in the past tense ("Day shift engineers changed the
 * kubelet directory"). Not an auxiliary or a verb of perception ("Operators had no alert",
 * "Engineers were unable to", "…was not noticed by administrators"), nor a participle that
 * only describes them ("Engineers involved in the migration…"). Adverbs that may stand
 * between subject and verb:
 */
export const ROOT_CAUSE_ADVERBS = ['accidentally', 'mistakenly', 'inadvertently', 'manually', 'unknowingly', 'then', 'also', 'had', 'have'] as const;
export const NOT_ROOT_CAUSE_ACTIONS: ReadonlySet<string> = new Set([
  'was', 'were', 'had', 'has', 'have', 'did', 'could', 'would', 'should', 'might', 'may', 'can', 'are', 'is', 'been',
  'needed', 'lacked', 'wanted', 'tried', 'used', 'followed', 'received', 'noticed', 'saw', 'observed', 'reported', 'found',
  'detected', 'identified', 'involved', 'based', 'assigned', 'tasked', 'located', 'affected', 'concerned', 'dedicated',
  'named', 'called', 'responsible', 'expected', 'required', 'asked', 'allowed', 'paged', 'alerted', 'notified',
]);
/** Past tenses that do not end in -ed. */
export const IRREGULAR_ACTIONS: ReadonlySet<string> = new Set([
  'ran', 'made', 'set', 'put', 'took', 'chose', 'wrote', 'left', 'sent', 'forgot', 'broke', 'gave', 'cut', 'shut', 'brought',
  'began', 'rebuilt', 'overwrote', 'undid', 'mistook',
]);
/** Labels of a root-cause line: "Root Cause:", "Root causes:". */
export const ROOT_CAUSE_LABEL = /^root[ -]?causes?$/i;
