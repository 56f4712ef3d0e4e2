/**
 * Milestones of an incident: when it started, was detected, acknowledged, declared,
 * mitigated, repaired and resolved. A timeline entry names one by a label ("Resolved:
 * 14:38", "**Mitigated:** 13:45") or says one happened in its words ("Alert fires",
 * "traffic returns to normal"). Stated durations are measured between them, and a key
 * events list is checked for what must hold between them.
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
 * detection, never mitigation ("Alert fires for pod restarts").
 */
const START = /\b(?:incident|impact|outage|issues?|problems?|errors?|degradation|disruption|downtime|failures?|traffic|latency|requests?)\b[^.;]{0,40}?\b(?:begins?|began|beginning|starts?|started|starting)\b|\bfirst (?:symptoms?|errors?|failures?|reports?)\b|\bstart of (?:the )?(?:incident|impact|outage)\b|\bonset\b/i;
const DETECTION = /\b(?:alert(?:s|ed)?|alarm(?:s|ed)?|detect(?:s|ed|ion)?|paged?|notic(?:e|es|ed)|report(?:s|ed)?|discover(?:s|ed)?|aware|fire[sd]?|triggered)\b/i;
const ACKNOWLEDGEMENT = /\backnowledg\w*|\back(?:ed|'d)?\b|\bresponds?\b|\bon the scene\b|\bjoin(?:s|ed)?\b|\bengaged?\b/i;
const MITIGATION = /\bmitigat\w*|\bworkaround\b|\broll(?:ed|ing)?[ -]?back\b|\brollback\b|\brestart(?:s|ed)?\b|\brevert(?:s|ed)?\b|\bfail(?:ed)?[ -]?over\b|\bhotfix\b|\bfix (?:is |was )?(?:applied|deployed)\b|\bcircuit breaker\b/i;
const RESOLUTION = /\bresolv(?:e|ed|es)\b|\bresolution\b|\brestored?\b|\brecover(?:ed|y)?\b|\b(?:back|returns?|returned) to normal\b|\bfully (?:operational|recovered|restored)\b|\ball clear\b|\bclosed?\b|\bstable\b|\bhealthy\b|\boperational\b|\baccessible again\b|\bback online\b|\b(?:is|are|was|were|came|comes|coming) back up\b|\bback up and running\b/i;
/** An alert or page as the subject: "Alert fires for pod restarts", "Automated alert fires", "Page is received". */
const ABOUT_AN_ALERT = /^(?:an? |the )?(?:[\w-]+ ){0,2}?(?:alerts?|alarms?|pages?|pager|monitors?|notifications?)(?: (?:fires?|fired|firing|triggers?|triggered|goes off|went off|sent|raised|received|(?:is|was|were|are) (?:sent|received|raised|triggered|fired))\b|[:,]| for\b| on\b| about\b|$)/i;
/** Words that say the timeline is over something other than the incident itself. */
const AFTERMATH = /\b(?:post-?mortem|retro(?:spective)?|review meeting|follow-?up meeting)\b/i;

/** Clauses an entry joins with a semicolon or a dash ("Alert fires; impact begins") each say their own milestone. */
const CLAUSE_BREAK = /;\s*|\s+[—–]\s+/;

export function milestonesOfText(text: string): Milestone[] {
  if (AFTERMATH.test(text)) return [];
  const found = new Set<Milestone>();
  for (const clause of text.split(CLAUSE_BREAK)) for (const milestone of milestonesOfClause(clause)) found.add(milestone);
  return ORDER.filter((milestone) => found.has(milestone));
}

const ORDER: Milestone[] = ['started', 'detected', 'acknowledged', 'declared', 'mitigated', 'repaired', 'resolved'];

function milestonesOfClause(clause: string): Milestone[] {
  if (ABOUT_AN_ALERT.test(clause)) return ['detected'];
  const found: Milestone[] = [];
  if (START.test(clause)) found.push('started');
  if (DETECTION.test(clause)) found.push('detected');
  if (ACKNOWLEDGEMENT.test(clause)) found.push('acknowledged');
  if (MITIGATION.test(clause)) found.push('mitigated');
  if (RESOLUTION.test(clause)) found.push('resolved');
  return found;
}

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
