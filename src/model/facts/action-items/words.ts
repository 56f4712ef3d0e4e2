/**
 * The English words pm-lint reads the tense of an action item by (see tense.ts). They are
 * data, kept here in one place, and deliberately short: a word missing from a list leaves
 * an item open (reported), never silently done.
 *
 * - IMPERATIVE_VERBS: base verbs that open an instruction ("Add alerts", "Investigate X").
 *   An item that starts with one is open work.
 * - IRREGULAR_PAST: past forms that do not end in "-ed" ("Built a dashboard").
 * - NOT_PAST: words that end in "-ed" but are not past forms ("Need", "Embed").
 * - ADJECTIVAL_PARTICIPLES: past participles that plans use as adjectives ("Improved
 *   alerting", "Phased rollouts"): they mark work done only when a determiner follows
 *   ("Improved the alert"), never in the count that makes a whole list done.
 * - DETERMINERS: words after which a past form is a verb with an object ("Added the check").
 * - PAST_PREFIXES: prefixes of hyphenated past forms ("Re-enabled", "Pre-warmed").
 */

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/));

export const IMPERATIVE_VERBS = words(`
  add adjust adopt alert allow analyse analyze archive ask assess assign audit automate avoid back backport
  backup build bump cache cap change check clarify clean communicate compare configure confirm consider
  continue convert create decouple decrease define delete deploy deprecate describe design detect determine
  develop disable discuss document double drop educate eliminate enable encourage enforce ensure establish
  estimate evaluate expand explore export expose extend figure file find fix follow force gather get give handle
  harden have hire identify implement improve include increase inform install instrument integrate introduce
  investigate isolate keep learn limit list load lock look maintain make measure merge migrate minimize
  minimise mitigate monitor move notify offer optimize optimise organize page pin plan practice prepare
  prevent prioritize prioritise provide publish pull purge push put raise re-enable re-populate re-run
  rebuild recheck reconsider record reduce refactor refine reintroduce release remove rename reorganize
  repair replace report request require research reset resolve restore restrict restructure retire review
  revisit rewrite rollout rotate run scale schedule scope scrub secure send separate set setup share ship
  simplify spin split stage standardize standardise start stop streamline strengthen subscribe suggest
  support switch talk teach test track train triage tune turn unify update upgrade use validate verify write
`);

export const IRREGULAR_PAST = words(`
  built made wrote ran took gave sent began brought bought caught chose did drew drove fought found got grew
  held kept knew led left lost met paid rose said saw sold spent stood taught told thought threw understood
  went won rebuilt rewrote reran undertook withdrew overrode
`);

export const NOT_PAST = words(`
  need feed seed speed proceed exceed embed succeed breed bleed shed shred red bed indeed hundred kindred sacred
  naked wicked rugged crooked
`);

export const ADJECTIVAL_PARTICIPLES = words(`
  checked failed mixed balanced signed trusted unused supported guarded locked nested named secured typed
  unexpected guided blocked staged staggered layered phased gated pinned segmented segregated consolidated
  fixed improved increased reduced enhanced expanded automated dedicated extended detailed centralized
  centralised standardized standardised updated advanced distributed scheduled managed unified simplified
  integrated isolated limited shared structured targeted tested completed continued required related proposed
  planned suggested recommended refined revised hardened documented redesigned focused coordinated tiered
  versioned based deprecated encrypted authenticated cached hosted containerized randomized streamlined optimized
  formalized prioritized customized accelerated defined
`);

export const DETERMINERS = words(`
  the a an our its their his her all this that these those some each every any two three several multiple
  new them it
`);

export const PAST_PREFIXES = words(`re pre co de un over auto mis`);

/** Words that open a clause and cannot be followed by a finite past verb ("is fixed", "to be added"). */
export const NOT_BEFORE_FINITE_PAST = words(`
  be is are am being been to get gets got getting become becomes remain remains stay stays keep keeps feel
  feels seem seems and or not the a an of for with in on at by from as than when if that which who whose
  our their its all more most less any each every no new
`);

/** Adverbs ending in "-ly" that are not adverbs ("Apply the patch"). */
export const NOT_ADVERBS = words(`only apply supply reply rely ally`);
