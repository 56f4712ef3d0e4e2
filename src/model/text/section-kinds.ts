import { detached, normalizeText, splitTitle } from './normalize.js';

/**
 * Heading texts seen in public postmortem guidance and real documents
 * (../shared/domain/section_aliases.json), grouped by the kind of section they name,
 * with the common variants and Korean, Japanese and Chinese titles used in bilingual
 * templates. Compared after normalizeText().
 */
export const BUILT_IN_SECTION_ALIASES: Readonly<Record<string, readonly string[]>> = {
  summary: [
    'summary', 'issue summary', 'incident summary', 'executive summary', 'overview', 'description',
    'brief description', 'tldr', 'tl dr', 'what happened', 'problem summary', 'outage description',
    'summary of impact', 'background', 'incident overview', 'abstract', 'synopsis', 'situation',
    '요약', '개요', '사건 요약', '概要', '摘要', '概述',
  ],
  impact: [
    'impact', 'customer impact', 'user impact', 'end user impact', 'infrastructure impact',
    'productivity impact', 'affected users', 'assets affected', 'scope', 'team impact',
    'revenue impact', 'business impact', 'technical impact', 'impact assessment', 'blast radius',
    'who was affected', '영향', '사용자 영향', '影響', '影响',
  ],
  timeline: [
    'timeline', 'incident timeline', 'timeline of events', 'timeline all times approximate',
    'timeline recovery efforts', 'chain of events', 'key events', 'incident timing', 'chronology',
    'sequence of events', 'detailed timeline', 'event timeline', 'events', 'タイムライン',
    '타임라인', '경과', '时间线', '时间轴',
  ],
  'root-cause': [
    'root cause', 'root causes', 'root causes and trigger', 'trigger', 'triggers', 'causes', 'cause',
    'consolidated root causes', 'contributing factors', 'contributing conditions analysis', 'fault',
    'technical cause', 'whys', '5 whys', 'the 5 whys', 'five whys', 'five whys root cause identification',
    'root cause analysis', 'rca', 'what caused the incident', 'process breakdowns',
    'how did it happen', 'why did it happen', 'why it happened', 'the vulnerability',
    'details of exploit', 'details of incident', 'details of the incident', 'vulnerability details',
    'leadup', 'lead up', 'primary root cause', 'analysis',
    '근본 원인', '원인', '원인 분석', '原因', '根本原因', '根本原因分析',
  ],
  detection: [
    'detection', 'identified', 'why it wasnt caught', 'why it wasnt caught earlier',
    'how was the incident detected', 'detection quality', '감지', '탐지', '検知',
  ],
  response: ['response', 'responders', 'incident response', 'response actions', '대응', '対応'],
  resolution: [
    'resolution', 'resolution and recovery', 'recovery', 'recovery efforts', 'mitigation and resolution',
    'root cause and mitigation', 'details of mitigation', 'details of fix', 'how it was fixed',
    'mitigation', 'immediate mitigation', 'permanent fix', 'fix', 'the fix', 'how was service restored',
    '해결', '복구', '완화', '解決', '解决',
  ],
  'action-items': [
    'action items', 'actions', 'action items and followups', 'corrective actions',
    'corrective and preventative measures', 'corrective and preventive measures',
    'preventative measures', 'preventive measures', 'prevention measures', 'prevention',
    'tracking of preventative measures', 'next steps', 'recommendations', 'remediation',
    'follow up tasks', 'follow ups', 'followups', 'follow up', 'follow up actions', 'review actions',
    'future actions', 'how are we preventing it from happening again',
    'remediation and architectural lessons', 'lessons learned and future improvements',
    'action plan', 'todo', 'todos', 'remediation and follow ups', 'remediation and followups',
    '조치 사항', '후속 조치', '재발 방지', '対策', '改进措施', '行动项',
  ],
  lessons: [
    'lessons learned', 'lessons learnt', 'lessons', 'conclusion', 'conclusions', 'howd we do',
    'key takeaways', 'takeaways', 'moving forward', 'learnings', 'key learnings', '교훈', '教訓', '经验教训',
  ],
  'went-well': ['what went well', 'things that went well', 'what went right', 'successes', '잘된 점'],
  'went-wrong': [
    'what went wrong', 'what went poorly', 'what didnt go so well', 'what didnt go well',
    'what could have gone better', 'what went badly', 'things that went poorly', 'what could be improved',
    '문제점', '잘못된 점',
  ],
  lucky: ['where we got lucky', 'where did we get lucky', 'lucky'],
  hypotheses: [
    'hypotheses', 'hypotheses considered', 'hypothesis', 'candidate causes', 'theories',
    'ruled out hypotheses',
  ],
  metadata: ['incident details', 'metadata', 'incident information', 'incident metadata', 'stats', 'details'],
  participants: ['attendees', 'authors', 'participants', 'people involved'],
  communication: [
    'messaging', 'internal email', 'external message', 'communication', 'communications',
    'communication summary', 'status page updates',
  ],
  'related-incidents': ['related incidents', 'recurrence', 'repeat incident', 'backlog check'],
  appendix: [
    'appendix', 'supporting information', 'supporting documents', 'supporting data', 'references',
    'links', 'glossary', 'attachments', 'additional notes',
  ],
  'sign-off': ['sign off', 'approvals', 'review and approval', 'approval', 'signoff'],
  'open-questions': ['open questions', 'q and a', 'remaining uncertainty', 'unknowns', 'faq'],
};

/**
 * Aliases too general to name a kind inside a section that already has one: "What
 * Happened" under "Root Cause" is part of the root cause, not a second summary.
 */
const WEAK_ALIASES = new Set([
  'what happened', 'description', 'background', 'overview', 'details', 'analysis', 'events', 'fix',
  'cause', 'scope', 'lessons', 'stats', 'identified', 'trigger', 'situation', 'the fix', 'recovery',
  'prevention', 'todo', 'links', 'references', 'level',
]);

/** Aliases that name a kind only as a whole title: "Confidence Summary" is not the summary. */
const WHOLE_TITLE_ONLY = new Set([
  'summary', 'details', 'description', 'overview', 'analysis', 'background', 'scope', 'level',
  'situation', 'identified', 'events', 'lucky', 'fix', 'cause',
]);

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
  /** Resolved titles: the same titles recur in every document of a run. Read-only results. */
  private readonly resolved = new Map<string, ResolvedKinds>();

  constructor(extraAliases: Readonly<Record<string, readonly string[]>> = {}, includeBuiltIns = true) {
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
      .map(([alias, kind]) => ({ kind, prefix: `${alias} `, suffix: ` ${alias}` }));
  }

  get kinds(): string[] {
    return [...new Set(this.exact.values())];
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

  private resolveCompound(parts: string[]): string[] {
    if (parts.length < 2) return [];
    const kinds: string[] = [];
    for (const part of parts) {
      const kind = this.exact.get(part) ?? this.resolveAffix(part);
      if (kind && !kinds.includes(kind)) kinds.push(kind);
    }
    return kinds;
  }

  private resolveAffix(candidate: string): string | undefined {
    for (const { kind, prefix } of this.aliasesByLength) {
      if (candidate.startsWith(prefix)) return kind;
    }
    for (const { kind, suffix } of this.aliasesByLength) {
      if (candidate.endsWith(suffix)) return kind;
    }
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
