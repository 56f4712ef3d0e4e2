/**
 * Sentences that state a part of a postmortem in prose, for documents written as a
 * narrative (a status update, a blog post) rather than in titled sections: "The root cause
 * was …", "… was caused by …", "users were unable to …", and the opposite, a cause said
 * to be unknown ("We are still investigating"). Only explicit statements count: "due to"
 * and "because" explain a step, not the incident, and "X is down" reports a state.
 * Every pattern is bounded (linear on any input).
 */

export type StatementKind = 'cause' | 'cause-unknown' | 'impact';

export interface StatementMatch {
  kind: StatementKind;
  start: number;
  end: number;
}

const CAUSE: readonly RegExp[] = [
  /\broot[- ]causes?\b[^.?!\n]{0,40}\b(?:is|was|were|are|turned out|lies|lay)\b/i,
  /\b(?:ultimate|underlying|primary|main|actual|real|direct|immediate|technical)\s(?:root\s)?causes?\s(?:of\s[^.?!\n]{1,60}\s)?(?:is|was|were|are)\b/i,
  /\bthe\scauses?\s(?:of\s[^.?!\n]{1,60}\s)?(?:is|was|were|are)\b/i,
  /\b(?:was|were|is|are|been)\s(?:[a-z]{1,20}ly\s)?caused\sby\b/i,
  /\b(?:outage|incident|failure|issue|problem|disruption|downtime|degradation|errors?|bug|halt|stall)\s(?:was\s|were\s)?(?:[a-z]{1,20}ly\s)?caused\sby\b/i,
  /\b(?:contributing|causal)\sfactors?\s(?:was|were|is|are)\b/i,
  /\b(?:is|was|were|are)\svulnerable\sto\b|\bCVE-\d{4}-\d{3,7}\b/i,
  /\bUrsache\s(?:ist|war|sind|waren|lag)\b|\bverursacht\sdurch\b|\bwurde\sdurch\s[^.?!\n]{1,60}\sverursacht\b/i,
  /\bcause\s(?:racine\s|première\s|profonde\s)?(?:est|était)\b|\b(?:a\sété|ont\sété|était)\scausée?s?\spar\b/i,
  /\bcausa\s(?:raíz\s|raiz\s|principal\s)?(?:es|fue|era|foi|é)\b|\b(?:fue|foi)\scausad[oa]\spor\b/i,
  /근본\s?원인은|원인은|原因は|根本原因は|原因是|根本原因是|根因是/,
];

const CAUSE_UNKNOWN: readonly RegExp[] = [
  /\bcause\b[^.?!\n]{0,40}\b(?:unknown|not (?:yet )?known|unclear|undetermined|not (?:yet )?(?:been )?(?:identified|determined|established|found))\b/i,
  /\b(?:not|n['’]t)\s(?:yet\s)?(?:identified|determined|found|established|know|pinpointed)\s(?:what\s|the\s)(?:root\s)?caused?\b/i,
  /\b(?:still|currently)\s(?:investigating|under investigation|looking into)\b/i,
  /\b(?:will|to)\s(?:investigate|determine|find|look into)\b[^.?!\n]{0,30}\b(?:root )?cause\b/i,
  /\b(?:difficult|hard|unable|not able)\sto\s(?:identify|determine|find)\sthe\s(?:root\s)?cause\b/i,
  /\bunsure\s(?:on|of|about)\sthe\s(?:cause|problem)\b/i,
  /\bUrsache\b[^.?!\n]{0,30}\b(?:unbekannt|unklar|noch nicht)\b|\bcause\b[^.?!\n]{0,30}\b(?:inconnue|indéterminée)\b|\bcausa\b[^.?!\n]{0,30}\b(?:desconocida|desconhecida)\b/i,
];

const MONEY = String.raw`(?:[$€£]\s?\d[\d,.]{0,20}\s?(?:k|m|mm|million|billion|bn)?|\d[\d,.]{0,20}\s?(?:k|m|million|billion)?\s?(?:usd|eur|dai|usdc|usdt|eth|btc))`;
const PEOPLE = String.raw`(?:users|customers|clients|members)`;

const IMPACT: readonly RegExp[] = [
  new RegExp(String.raw`${MONEY}\b[^.?!\n]{0,80}\b(?:lost|stolen|drained|taken|loss|exploited)\b`, 'i'),
  new RegExp(String.raw`\b(?:lost|stole|stolen|drained|took|taken)\b[^.?!\n]{0,60}${MONEY}`, 'i'),
  /\b\d[\d,.]{0,12}\s?%\sof\s(?:all\s|our\s)?(?:[a-z-]{1,15}\s)?(?:users|customers|requests|traffic|calls|queries|sessions|transactions|clients|builds|launches|payments|orders|checkouts|logins|sign-ins|uploads|downloads|jobs|messages|emails|deliveries|searches|deploys|deployments|merchants|accounts)\b/i,
  /\b\d[\d,.]{0,12}\s(?:users|customers|accounts|clients|merchants|tenants|members|sites|vaults|validators|teams)\s(?:were|was|are|have been)\s(?:affected|impacted)\b/i,
  new RegExp(String.raw`\b${PEOPLE}\s(?:were|was)\s(?:unable|not able)\sto\b|\b${PEOPLE}\s(?:could|can)\s?not\b|\b${PEOPLE}\scouldn['’]t\b`, 'i'),
  /\b(?:all|every|most|many)\s(?:of\s(?:our|the)\s)?(?:users|customers|services|sites)\s(?:were|was)\s(?:affected|impacted|unavailable|unreachable)\b/i,
  /\bthe\s(?:outage|incident|disruption)\s(?:affected|impacted)\b/i,
  // "file sync was unavailable for nearly four hours", "the API was down for 40 minutes for all customers": past, with its length or its people.
  new RegExp(
    String.raw`\b(?:was|were|had\sbeen)\s(?:[a-z]{1,20}ly\s)?(?:unavailable|down|unreachable|inaccessible|offline|degraded)\s(?:for\s(?:about\s|nearly\s|almost\s|around\s|roughly\s|over\s|more\sthan\s|up\sto\s)?(?:\d|an?\s|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|half)|(?:for|to)\s(?:all\s|most\s|some\s|many\s)?${PEOPLE})`,
    'i',
  ),
  // "a subset of customers using Storage in West Europe experienced failures"
  new RegExp(
    String.raw`\b${PEOPLE}\b[^.?!\n]{0,80}?\b(?:experienced|saw|encountered|received|were\sseeing|faced)\s(?:[a-z-]{1,20}\s){0,3}(?:failures|errors|issues|timeouts|latency|delays|difficulties|problems|outages|interruptions|degradation)\b`,
    'i',
  ),
];

/** A word every statement of a kind holds: most paragraphs hold none, and skip the patterns. */
const CAUSE_WORD = /caus|factor|vulnerab|CVE-|ursache|verursacht|원인|原因|根因/i;
const UNKNOWN_WORD = /caus|investigat|looking into|unsure|ursache/i;
const IMPACT_WORD = /[$€£%]|lost|stole|drained|took|taken|users|customers|clients|members|affected|impacted|accounts|sites|vaults|validators|teams|tenants|merchants|unavailable|down|unreachable|inaccessible|offline|degraded/i;

const PATTERNS: ReadonlyArray<[StatementKind, RegExp, readonly RegExp[]]> = [
  ['cause', CAUSE_WORD, CAUSE],
  ['cause-unknown', UNKNOWN_WORD, CAUSE_UNKNOWN],
  ['impact', IMPACT_WORD, IMPACT],
];

/** Whether a text may hold a statement at all: most paragraphs hold no word of one. */
export function mayStateSomething(text: string): boolean {
  return CAUSE_WORD.test(text) || UNKNOWN_WORD.test(text) || IMPACT_WORD.test(text);
}

/** The first statement of each kind in a text (spaces collapsed by the caller or not: patterns allow single spaces and \s). */
export function findStatements(text: string): StatementMatch[] {
  const found: StatementMatch[] = [];
  for (const [kind, word, patterns] of PATTERNS) {
    if (!word.test(text)) continue;
    for (const pattern of patterns) {
      const match = pattern.exec(text);
      if (match) {
        found.push({ kind, start: match.index, end: match.index + match[0].length });
        break;
      }
    }
  }
  return found;
}
