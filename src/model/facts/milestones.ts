/**
 * Milestones of an incident: when it started, was detected, acknowledged, declared,
 * mitigated, repaired and resolved. A timeline entry names one by a label ("Resolved:
 * 14:38", "**Mitigated:** 13:45") or says one happened in its words ("Alert fires",
 * "traffic returns to normal"). Stated durations are measured between them, the report's
 * response times are read from them, and a key events list is checked for what must hold
 * between them.
 */
import { normalizeText } from '../text/normalize.js';

export type Milestone = 'started' | 'detected' | 'acknowledged' | 'declared' | 'mitigated' | 'repaired' | 'resolved';

const LABELS: Array<[RegExp, Milestone]> = [
  [/^(?:incident |impact |outage |problem |issue )?(?:start|started|starts|began|begins|beginning|onset)(?: time| at| of impact| of incident| of outage)?$|^first (?:impact|symptoms?|errors?)$/, 'started'],
  [/^(?:incident |issue |problem )?(?:detect|detected|detection|discovered|noticed|alerted|reported)(?: time| at| on)?$|^time (?:detected|of detection)$/, 'detected'],
  [/^(?:ack|acked|acknowledged|acknowledgement|acknowledgment|paged|responded|response)(?: time| at)?$|^(?:on call )?paged$/, 'acknowledged'],
  [/^(?:incident )?(?:declared|escalated)(?: time| at)?$|^declaration$/, 'declared'],
  [/^(?:incident |impact )?(?:mitigated|mitigation)(?: time| at)?$/, 'mitigated'],
  [/^(?:repaired|repair|fixed|fix deployed)(?: time| at)?$/, 'repaired'],
  [/^(?:incident |impact |outage )?(?:resolved|resolution|recovered|recovery|restored|closed|ended|end|all clear)(?: time| at| of impact| of incident| of outage)?$/, 'resolved'],
];

/** The milestone a label names ("Detected", "**Resolved:**", "Time detected", "Impact start"), or null. */
export function milestoneOfLabel(label: string): Milestone | null {
  const normalized = normalizeText(label.replace(/[*_:]/g, ' '));
  return LABELS.find(([pattern]) => pattern.test(normalized))?.[1] ?? null;
}

/**
 * What an entry's words say happened: the start of the incident, its detection,
 * acknowledgement, mitigation and resolution. An entry about an alert or a page is
 * detection, never mitigation ("Alert fires for pod restarts"); a report that all is well
 * ("the wrapper reports success") or an alert that did not come ("no alert: the threshold
 * is 5M", "the page never fired") is no detection; an action not taken or that did not
 * work ("unable to scale up", "tried to restart", "to restore service") is neither a
 * mitigation nor a resolution.
 */
const START =
  /\b(?:incident|impact|outage|issues?|problems?|errors?|degradation|disruption|downtime|failures?|traffic|latency|requests?)\b[^.;]{0,40}?(?<!\bto )\b(?:begins?|began|beginning|starts?|started|starting)\b|\bfirst (?:(?:customer|user|client|support|merchant)s?'? )?(?:symptoms?|errors?|failures?|reports?|timeouts?|exceptions?|complaints?)\b|\bfirst (?:http )?[45](?:\d\d|xx)s?(?: (?:responses?|errors?))?\b|\bstart of (?:the )?(?:incident|impact|outage)\b|\bonset\b|\b(?:chain|network|consensus|block production)\s+(?:halts|halted|stalls|stalled|stops|stopped)\b/i;
const DETECTION =
  /\b(?:alert(?:s|ed|ing)?|alarm(?:s|ed)?|detect(?:s|ed|ion)?|paged|paging|pages(?= (?:the |an? |our )?(?:on-?call|primary|secondary|sre|engineer|responder|@))|notic(?:e|es|ed)|discover(?:s|ed)|aware|(?:is|are|was|were|gets?|got) (?:informed|notified)|(?<!\b(?:the|a|an|this|that|our|their|its|final) )reports?|reported|fire[sd]?|triggered|realiz(?:e|es|ed))\b/i;
/** A report that nothing is wrong: "the wrapper reports success". */
const NOT_DETECTION = /\breports? (?:success\w{0,4}|ok|healthy|green|no)\b/i;
/** Words that say nothing was detected: "no alert (threshold is 5M)", "the alert did not fire", "went unnoticed". */
const UNDETECTED =
  /\b(?:no|without(?: an?)?|nobody|no one|no-one)\s+(?:[\w-]+\s+)?(?:alerts?|alarms?|pages?|paging|notic(?:e|ed)|detection)\b|(?:\bnot|n't|\bnever)\s+(?:[\w-]+\s+)?(?:alert(?:ed)?|fire[sd]?|trigger(?:ed)?|detect(?:ed)?|notic(?:e|ed)|paged?)\b|\bun(?:noticed|detected)\b/i;
const ACKNOWLEDGEMENT = /\backnowledg\w*|\back(?:ed|'d)?\b|\bresponds?\b|\bon the scene\b|\bjoin(?:s|ed)?\b|\bengaged?\b/i;
const MITIGATION =
  /\bmitigat\w*|\bworkaround\b|\broll(?:ed|s|ing)?[ -]?back\b|\brollback\b|\brestart(?:s|ed|ing)?\b|\brevert(?:s|ed|ing)?\b|\bfail(?:ed|s)?[ -]?over\b|\bhotfix\b|\b(?:fix|patch)(?:es)? (?:is |was |were )?(?:applied|deployed|released|rolled out)\b|\bre-?enabl(?:e|ed|es)\b|\bscal(?:e|ed|es|ing) (?:up|out)\b|\bcircuit breaker\b/i;
/** "Stable", "healthy", "operational" said of something, not before a noun ("a healthy DB", "stable release"). */
const STATE = String.raw`\b(?:stable|healthy|operational)\b(?!\s+(?!(?:again|now|in|on|at|and|since|after|by|with|across|for|from)\b)[a-z])`;
const RESOLUTION = new RegExp(
  String.raw`\bresolv(?:e|ed|es)\b|\brestored?\b|\brecover(?:s|ed)?\b|\brecovery\b[^.;]{0,40}?\b(?:complete|completed|done|finished)\b|\b(?:back|returns?|returned) to (?:normal\b|baseline\b|100 ?%|pre-incident levels?\b)|\bfully (?:operational|functional|available|recovered|restored)\b|\ball clear\b|\b(?:incident|outage|issue|ticket)s? (?:is |was |has been |were |are )?(?:closed|over|ended)\b|${STATE}|\b(?:accessible|reachable|available) again\b|\bback online\b|\b(?:backlog|queue|lag)s? (?:(?:is|was|has been|were|are) )?(?:fully )?(?:drained|cleared|caught up)\b|\b(?:replicas?|replication|consumers?|indexer|workers?|processing) (?:(?:has|have) )?(?:fully )?caught up\b|\b(?:is|are|was|were|came|comes|coming) back up\b|\bback up and running\b|\b(?:service|operations|production|processing|traffic|chain|network|consensus)\b[^.;]{0,20}?\bresum(?:ed|es)\b|\bresum(?:ed|es) (?:normal |block )?(?:service|operations|production|processing|traffic)\b|\bbehoben\b|\bwieder\s+(?:verfügbar|erreichbar)\b|\bwiederhergestellt\b|\br[ée]solu[es]?\b|\br[ée]tabli[es]?\b|\bretour à la normale\b|\bresuelt[oa]s?\b|\brestablecid[oa]s?\b|\bresolvid[oa]s?\b|\brestabelecid[oa]s?\b|復旧(?!作業|対応|手順|策|計画|見込|を開始|開始)|解消(?!策|に向け)|(?<!开始)恢复(?!操作|方案|计划|中)|已解决|복구(?! ?(?:작업|시작|절차|계획|중))|정상화`,
  'i',
);
/** Words that say an action was not taken, did not work or is only expected or decided: "unable to scale up", "tried to restart", "to restore service", "would resolve by itself", "expected to be resolved soon", "decision to fail over". */
const NOT_DONE =
  /\bnot\b|\bunable to\b|\bfail(?:s|ed)? to\b|\bcannot\b|\bcan't\b|\bcould ?n[o']t\b|\battempt(?:s|ed|ing)? to\b|\btr(?:y|ies|ied|ying) to\b|\bplan(?:s|ned)? to\b|\b(?:decid(?:e|es|ed|ing)|decision|agree(?:s|d)?|propos(?:e|es|ed|al)|prepar(?:e|es|ed|ing)|ready) to\b|\bto (?:help )?(?:resolve|restore|recover)\b|\b(?:will|would)\b|\b(?:until|once|expect(?:s|ed)?|soon|hope)\b/i;
/** A change proposed, not yet in effect: "Revert MR !4415 opened", "hotfix PR up for review". */
const PROPOSED =
  /\b(?:PR|MR|pull request|merge request|CL|diff|change request)\b[^.;]{0,30}?\b(?:opened|created|raised|prepared|proposed|submitted|drafted|up for review|in review|ready for review|reviewed|approved)\b|\b(?:opens?|opened|creates?|created|raises?|raised|prepares?|prepared|submits?|submitted|drafts?|drafted)\b[^.;]{0,20}?\b(?:PR|MR|pull request|merge request|CL|diff)\b/i;
/** Words that make a mitigation or resolution partial: "partially restored", "begins to recover", "first cluster recovered". */
const PARTIAL = /\bpartial(?:ly)?\b|\b(?:begins?|began|starts?|started|starting) to\b|\bslowly\b|\bstill\b|\bsome\b|\bfirst\b/i;
/** An alert or page as the subject: "Alert fires for pod restarts", "Automated alert fires", "Page is received". */
const ABOUT_AN_ALERT = /^(?:an? |the )?(?:[\w-]+ ){0,2}?(?:alerts?|alarms?|pages?|pager|monitors?|notifications?)(?: (?:fires?|fired|firing|triggers?|triggered|goes off|went off|sent|raised|received|(?:is|was|were|are) (?:sent|received|raised|triggered|fired))\b|[:,]| for\b| on\b| about\b|$)/i;
/** Words that say the timeline is over something other than the incident itself. */
const AFTERMATH = /\b(?:post-?mortem|retro(?:spective)?|review meeting|follow-?up meeting)\b/i;

/**
 * Clauses an entry joins with a semicolon or a dash ("Alert fires; impact begins"), and its
 * sentences, each say their own milestone: "This does not resolve the issue." leaves the
 * next sentence's "The hub pod is restarted." a mitigation.
 */
const CLAUSE_BREAK = /;\s*|\s+[—–]\s+|(?<=[.!?])\s+(?=[A-Z0-9])/;

/** A milestone an entry says happened; `partial` when it says so only in part ("service partially restored"). */
export interface MilestoneStatement {
  milestone: Milestone;
  partial: boolean;
}

/**
 * What an entry says happened, each milestone once and in order: the milestone its label
 * names (`named`, "Resolved: 14:38"; said in full), and what its words say, partial only
 * when every clause that says it is.
 */
export function milestoneStatements(text: string, named: Milestone | null = null): MilestoneStatement[] {
  const found = new Map<Milestone, boolean>();
  if (named) found.set(named, false);
  const clauses = AFTERMATH.test(text) ? [] : text.split(CLAUSE_BREAK);
  for (const clause of clauses) {
    const partial = PARTIAL.test(clause);
    for (const milestone of milestonesOfClause(clause)) {
      const partly = partial && (milestone === 'mitigated' || milestone === 'resolved');
      found.set(milestone, (found.get(milestone) ?? true) && partly);
    }
  }
  return ORDER.filter((milestone) => found.has(milestone)).map((milestone) => ({ milestone, partial: found.get(milestone)! }));
}

const ORDER: Milestone[] = ['started', 'detected', 'acknowledged', 'declared', 'mitigated', 'repaired', 'resolved'];

function milestonesOfClause(clause: string): Milestone[] {
  const undetected = UNDETECTED.test(clause);
  if (!undetected && ABOUT_AN_ALERT.test(clause)) return ['detected'];
  const found: Milestone[] = [];
  const done = !NOT_DONE.test(clause);
  if (START.test(clause)) found.push('started');
  if (!undetected && DETECTION.test(clause) && !NOT_DETECTION.test(clause)) found.push('detected');
  if (ACKNOWLEDGEMENT.test(clause)) found.push('acknowledged');
  if (done && MITIGATION.test(clause) && !PROPOSED.test(clause)) found.push('mitigated');
  if (done && RESOLUTION.test(clause)) found.push('resolved');
  return found;
}

/** A timeline's first entry stands in for the incident's start (where no entry says it began) only for ends within a day of it. */
export const FIRST_ENTRY_REACH = 24 * 3600;

/**
 * Whether milestone `a` must come no later than `b`, whatever the incident: it starts
 * before anything else; it is detected before it is acknowledged, declared or resolved;
 * it is mitigated before it is resolved. (Mitigation may come before detection, and a
 * declaration after the resolution; neither is required.)
 */
export function mustPrecede(a: Milestone, b: Milestone): boolean {
  if (a === b) return false;
  if (a === 'started') return true;
  if (a === 'detected') return b === 'acknowledged' || b === 'declared' || b === 'resolved';
  return a === 'mitigated' && b === 'resolved';
}
