/**
 * A deterministic generator of realistic postmortems for the benchmark: the same seed
 * gives the same files, byte for byte, on every machine (no network, no clock). File i of
 * a corpus depends only on (seed, i), so a corpus of 200 is the first 200 of one of 2,000.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** mulberry32: small, fast and good enough for text generation. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Writer {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
}

const SERVICES = ['api-gateway', 'checkout', 'payments', 'search-indexer', 'auth', 'billing-worker', 'ingest', 'notification-service', 'kafka', 'postgres-primary', 'redis-cache', 'cdn-edge', 'scheduler', 'build-cluster'];
const TEAMS = ['platform', 'payments', 'search', 'identity', 'data', 'edge', 'sre', 'mobile'];
const PEOPLE = ['@alice', '@bob', '@carol', '@dmitri', '@erin', '@farid', '@grace', '@hiro', '@ines', '@jules'];
const CAUSES = ['a memory leak in the request cache', 'an expired TLS certificate', 'a connection pool that was too small for the traffic', 'a configuration change that disabled retries', 'a schema migration that locked the orders table', 'a DNS record that pointed at a decommissioned load balancer', 'a disk that filled up with debug logs', 'a dependency upgrade that changed the default timeout'];
const METRICS = ['p99 latency', 'error rate', 'CPU saturation', 'queue depth', 'heap usage', 'replication lag', 'open connections', '5xx responses'];
const VERBS = ['rose', 'spiked', 'dropped', 'recovered', 'stabilised', 'doubled', 'climbed steadily'];
const EVENTS = [
  'Deployment of {service} v{version} started',
  'Alert fired: {metric} above threshold on {service}',
  'On-call engineer acknowledged the page',
  'Incident channel #inc-{id} opened',
  'Investigation started; dashboards show {metric} {verb}',
  'Rolled back {service} to v{version}',
  '{service} restarted across all zones',
  'Status page updated',
  'Traffic shifted away from the affected region',
  'Root cause identified: {cause}',
  'Fix deployed to production',
  '{metric} back to normal',
  'Customer support notified',
  'Incident resolved; monitoring continues',
];
const SENTENCES = [
  'The {service} service {verb} after the deploy, and {metric} followed within minutes.',
  'Because of {cause}, requests to `{service}` timed out and clients retried aggressively.',
  'We saw {metric} {verb} on the [{service} dashboard](https://grafana.acme-internal.net/d/{id}) at the same time.',
  'The alert for **{metric}** fired, but it routed to a channel that nobody was watching.',
  'Retries from upstream callers amplified the load on _{service}_ by roughly {percent}%.',
  'Runbook https://runbooks.acme-internal.net/{service} described the rollback, which took {minutes} minutes.',
  'Our load tests did not cover this path, so the regression reached production unnoticed.',
  'The team decided to roll back rather than debug in production, which limited the impact.',
  'Customers in two regions saw errors for about {minutes} minutes; the rest saw slower responses.',
  'The on-call engineer escalated to the {team} team once it was clear the database was involved.',
  'Error budget consumption for the month reached {percent}% as a result.',
  'A config flag (`{flag}`) that had been unused for a year turned out to control the pool size.',
];
const BLAMING = [
  'The outage happened because of human error by the engineer who ran the migration.',
  'Obviously the operator should have checked the dashboard before deploying.',
  'Someone carelessly disabled the alert last week.',
];
const PLACEHOLDERS = ['[YYYY-MM-DD]', 'TBD', '__________', '[Name(s)]', 'Lorem ipsum dolor sit amet.'];

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function fill(w: Writer, template: string, id: string): string {
  return template.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    switch (name) {
      case 'service': return w.pick(SERVICES);
      case 'metric': return w.pick(METRICS);
      case 'verb': return w.pick(VERBS);
      case 'cause': return w.pick(CAUSES);
      case 'team': return w.pick(TEAMS);
      case 'version': return `${w.int(1, 4)}.${w.int(0, 20)}.${w.int(0, 9)}`;
      case 'percent': return String(w.int(5, 95));
      case 'minutes': return String(w.int(3, 90));
      case 'flag': return w.pick(['pool.max_size', 'retry.enabled', 'cache.ttl', 'gc.mode']);
      case 'id': return id;
      default: return name;
    }
  });
}

function paragraph(w: Writer, id: string, sentences: number): string {
  const parts: string[] = [];
  for (let i = 0; i < sentences; i++) parts.push(fill(w, w.pick(SENTENCES), id));
  return parts.join(' ');
}

interface Incident {
  id: string;
  date: { year: number; month: number; day: number };
  slug: string;
  title: string;
  severity: string;
  defective: boolean;
}

function isoDate(date: Incident['date']): string {
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** Timeline entries: increasing times (one out of order when defective). */
function timelineTimes(w: Writer, count: number, defective: boolean): string[] {
  // Steps small enough that a timeline stays within its day.
  const longest = Math.max(1, Math.min(12, Math.floor((20 * 60) / count)));
  let minutes = w.int(0, 3 * 60);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    times.push(minutes % (24 * 60));
    minutes += w.int(1, longest);
  }
  if (defective && count > 3 && w.chance(0.5)) {
    const at = w.int(1, count - 2);
    [times[at], times[at + 1]] = [times[at + 1]!, times[at]!];
  }
  return times.map((value) => `${pad(Math.floor(value / 60))}:${pad(value % 60)}`);
}

function metadataBlock(w: Writer, incident: Incident, style: number): string {
  const date = incident.defective && w.chance(0.15) ? w.pick(PLACEHOLDERS) : isoDate(incident.date);
  const author = w.pick(PEOPLE);
  const status = w.pick(['Draft', 'In Review', 'Final']);
  switch (style) {
    case 0:
      return `---\ntitle: "${incident.title}"\nincident_id: ${incident.id}\ndate: ${date}\nseverity: ${incident.severity}\nstatus: ${status}\nauthors:\n  - "${author}"\n---\n\n# ${incident.title}\n\n`;
    case 1:
      return `# Postmortem: ${incident.title}\n\n**Incident ID:** ${incident.id}\n**Date:** ${date}\n**Author(s):** ${author}\n**Severity:** ${incident.severity}\n**Status:** ${status}\n\n---\n\n`;
    case 2:
      return `# Incident Post-Mortem: ${incident.id}\n\n## Incident Details\n\n| Field | Value |\n|-------|-------|\n| **Incident ID** | ${incident.id} |\n| **Date** | ${date} |\n| **Severity** | ${incident.severity} |\n| **Incident Commander** | ${author} |\n| **Status** | ${status} |\n\n`;
    default:
      return `${incident.title}\n${'='.repeat(incident.title.length)}\n\nIncident ID: ${incident.id}\nSeverity: ${incident.severity}\nDate: ${date}\nStatus: ${status}\nAuthors: ${author}\n\n`;
  }
}

function timelineBlock(w: Writer, incident: Incident, style: number, entries: number): string {
  const times = timelineTimes(w, entries, incident.defective);
  const event = () => fill(w, w.pick(EVENTS), incident.id);
  const heading = style === 2 ? '## 3. Timeline (UTC)' : w.pick(['## Timeline', '## Timeline (UTC)', '## Timeline (all times UTC)']);
  const lines: string[] = [heading, ''];
  switch (style) {
    case 0:
      lines.push('| Time (UTC) | Event | Actor |', '|------------|-------|-------|');
      for (const time of times) lines.push(`| ${time} | ${event()} | ${w.pick(PEOPLE)} |`);
      break;
    case 1:
      for (const time of times) lines.push(`- **${time}** — ${event()}`);
      break;
    case 2:
      for (const time of times) {
        lines.push(`**${isoDate(incident.date)}T${time}:${pad(w.int(0, 59))}Z** - ${event()}`, '');
      }
      break;
    default:
      lines.push('All times UTC.', '');
      for (const time of times) lines.push(`- \`${time}\` ${event()}`);
  }
  return `${lines.join('\n')}\n\n`;
}

function actionItemsBlock(w: Writer, incident: Incident, style: number, count: number): string {
  const lines: string[] = [style === 2 ? '## 6. Action Items' : '## Action Items', ''];
  const due = () => new Date(Date.UTC(incident.date.year, incident.date.month - 1, incident.date.day + w.int(7, 60))).toISOString().slice(0, 10);
  const task = () => fill(w, w.pick(['Add an alert on {metric} for {service}', 'Raise the connection pool limit of {service}', 'Write a runbook for rolling back {service}', 'Load test {service} before each release', 'Document the {flag} flag']), incident.id);
  const owner = () => (incident.defective && w.chance(0.2) ? '' : w.pick(PEOPLE));
  if (style === 0 || style === 2) {
    lines.push('| Action | Owner | Priority | Due Date | Status | Ticket |', '|--------|-------|----------|----------|--------|--------|');
    for (let i = 0; i < count; i++) {
      lines.push(`| ${task()} | ${owner()} | P${w.int(0, 3)} | ${due()} | ${w.pick(['Open', 'In Progress', 'Done'])} | OPS-${w.int(100, 9999)} |`);
    }
  } else {
    for (let i = 0; i < count; i++) {
      const who = owner();
      lines.push(`- [${w.chance(0.3) ? 'x' : ' '}] ${task()} (${who ? `owner: ${who}, ` : ''}priority: P${w.int(0, 3)}, due: ${due()})`);
    }
  }
  return `${lines.join('\n')}\n\n`;
}

function hypothesesBlock(w: Writer, incident: Incident, count: number): string {
  const lines = ['## Hypotheses Considered', ''];
  let total = 0;
  const confidences: number[] = [];
  for (let i = 1; i <= count; i++) {
    const confidence = i === 1 ? w.int(60, 90) : i === count ? 100 - total : w.int(0, Math.max(0, 100 - total - 5 * (count - i)));
    confidences.push(confidence);
    total += confidence;
    lines.push(
      `### Hypothesis ${i}: ${fill(w, w.pick(CAUSES), incident.id)}`,
      '',
      '**Evidence FOR:**',
      `- ${paragraph(w, incident.id, 1)}`,
      `- ${paragraph(w, incident.id, 1)}`,
      '',
      '**Evidence AGAINST:**',
      `- ${paragraph(w, incident.id, 1)}`,
      '',
      `**Confidence:** ${confidence}%`,
      `**Status:** ${i === 1 ? 'CONFIRMED' : 'RULED_OUT'}`,
      '',
    );
  }
  lines.push('### Confidence Summary', '', `- Primary root cause: Hypothesis 1 (${confidences[0]}%)`, '');
  return `${lines.join('\n')}\n`;
}

function proseSection(w: Writer, incident: Incident, title: string, paragraphs: number): string {
  const body: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    if (incident.defective && w.chance(0.06)) body.push(w.pick(BLAMING));
    else if (incident.defective && w.chance(0.04)) body.push(w.pick(PLACEHOLDERS));
    else if (w.chance(0.15)) body.push([1, 2, 3].map(() => `- ${paragraph(w, incident.id, 1)}`).join('\n'));
    else if (w.chance(0.05)) body.push(`\`\`\`\n$ kubectl rollout undo deployment/${w.pick(SERVICES)}\ndeployment.apps rolled back\n\`\`\``);
    else body.push(paragraph(w, incident.id, w.int(2, 5)));
  }
  return `${title}\n\n${body.join('\n\n')}\n\n`;
}

/** One postmortem of about `targetBytes`, in one of four styles. */
function postmortem(w: Writer, incident: Incident, targetBytes: number): string {
  const style = w.int(0, 3);
  const numbered = style === 2;
  const h = (n: number, title: string) => (numbered ? `## ${n}. ${title}` : `## ${title}`);
  // Roughly: a timeline entry is 70 bytes, a prose paragraph 300.
  const budget = Math.max(0, targetBytes - 1200);
  const entries = Math.min(150, Math.max(4, Math.round((budget * 0.3) / 70)));
  const paragraphs = Math.max(1, Math.round((budget * 0.6) / 300 / 4));
  const parts = [metadataBlock(w, incident, style)];
  parts.push(proseSection(w, incident, numbered ? '## 1. Executive Summary' : w.pick(['## Summary', '## TL;DR', '## Executive Summary']), 1));
  if (!(incident.defective && w.chance(0.2))) {
    parts.push(proseSection(w, incident, h(2, 'Impact'), Math.max(1, paragraphs >> 1)));
  }
  parts.push(timelineBlock(w, incident, style, entries));
  parts.push(proseSection(w, incident, h(4, 'Root Cause'), paragraphs));
  if (style === 2 || w.chance(0.2)) parts.push(hypothesesBlock(w, incident, w.int(2, 4)));
  parts.push(proseSection(w, incident, h(5, w.pick(['What went well', 'Lessons Learned', 'Contributing Factors'])), paragraphs));
  if (incident.defective && w.chance(0.15)) parts.push(`${h(5, 'Detection')}\n\n`);
  parts.push(actionItemsBlock(w, incident, style, w.int(3, 8 + (budget >> 11))));
  return parts.join('').replace(/\n{3,}/g, '\n\n');
}

/** File sizes between 3 and 25 KB, skewed towards the small end (mean about 9 KB). */
function targetSize(w: Writer): number {
  const u = w.next();
  return Math.round(3000 + 22000 * u * u * 0.95);
}

function incidentFor(w: Writer, index: number): Incident {
  const year = 2019 + (index % 7);
  const date = { year, month: w.int(1, 12), day: w.int(1, 28) };
  const service = w.pick(SERVICES);
  const title = `${w.pick(['Elevated errors on', 'Outage of', 'Degraded latency in', 'Data delay in'])} ${service}`;
  return {
    id: `INC-${year}-${String(index).padStart(5, '0')}`,
    date,
    slug: title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    title,
    severity: w.pick(['SEV-1', 'SEV-2', 'SEV-3']),
    defective: w.chance(0.4),
  };
}

/** The relative path and content of file `index` of a corpus. */
export function corpusFile(seed: number, index: number): { path: string; text: string } {
  // The parts' sizes vary with the style, so the budget is corrected until the file
  // comes within 10% of its target; every attempt restarts from the same seed.
  let scale = 1;
  for (let attempt = 0; ; attempt++) {
    const w = new Writer(random(seed * 1_000_003 + index));
    const incident = incidentFor(w, index);
    const target = targetSize(w);
    const text = postmortem(w, incident, target * scale);
    if (attempt === 8 || Math.abs(text.length - target) < target * 0.1) {
      const team = TEAMS[index % TEAMS.length]!;
      const path = join('teams', team, String(incident.date.year), `${isoDate(incident.date)}-${incident.slug}-${index}.md`);
      return { path, text };
    }
    scale *= target / text.length;
  }
}

/** Writes `count` postmortems under `directory`; returns their total size in bytes. */
export function writeCorpus(directory: string, count: number, seed = 1): number {
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const { path, text } = corpusFile(seed, i);
    const full = join(directory, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

/**
 * One postmortem of about `targetBytes` built from the same parts at every size: a long
 * timeline list (day headings, one entry a line) and prose sections, so that a 5 MB file
 * is a 20 KB file's content repeated in kind, not a different document.
 */
export function largePostmortem(targetBytes: number, seed = 7): string {
  const w = new Writer(random(seed));
  const incident: Incident = { id: 'INC-2026-00001', date: { year: 2026, month: 3, day: 2 }, slug: 'long-incident', title: 'Multi-day degradation of the ingest pipeline', severity: 'SEV-2', defective: false };
  const parts = [metadataBlock(w, incident, 1), proseSection(w, incident, '## Summary', 2), proseSection(w, incident, '## Impact', 2), '## Timeline (UTC)\n\n'];
  let size = parts.reduce((sum, part) => sum + part.length, 0);
  const timelineBytes = targetBytes * 0.5;
  let day = 0;
  while (size < timelineBytes) {
    const date = new Date(Date.UTC(2026, 2, 2 + day));
    const block = `### ${date.toISOString().slice(0, 10)}\n\n${timelineTimes(w, 40, false).map((time) => `- **${time}** — ${fill(w, w.pick(EVENTS), incident.id)}`).join('\n')}\n\n`;
    parts.push(block);
    size += block.length;
    day++;
  }
  parts.push('## Root Cause\n\n');
  while (size < targetBytes - 1500) {
    const block = `${paragraph(w, incident.id, w.int(3, 6))}\n\n`;
    parts.push(block);
    size += block.length;
  }
  parts.push(actionItemsBlock(w, incident, 1, 5));
  return parts.join('');
}
