import { writeFileSync } from 'node:fs';
import { random } from './corpus.js';

/**
 * A very large postmortem as a bad export or a generated log produces it: the same kind of
 * incident section repeated thousands of times, each with its summary, a timeline, a root
 * cause and an action-item table (about 2.5 kB a section; 4,000 sections make 10 MB).
 *
 *   node dist/bench/big-postmortem.js OUTPUT [BYTES]
 */
const EVENTS = [
  'Alert fires for p99 latency on the checkout API',
  'On-call engineer acknowledges the page and opens an incident channel',
  'Error rate on the payment service rises to 12%',
  'Deploy of the ledger service is rolled back',
  'Database failover to the replica in us-east-1b completes',
  'Queue consumers restarted; backlog starts to drain',
  'Traffic shifted away from the degraded region',
  'Error rate back under 0.1%; monitoring continues',
];

export function bigPostmortem(targetBytes: number, seed = 11): string {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const parts = ['# Incident export: payment platform, first quarter\n\n'];
  let size = parts[0]!.length;
  for (let n = 1; size < targetBytes; n++) {
    const day = String(1 + (n % 28)).padStart(2, '0');
    const times = Array.from({ length: EVENTS.length }, (_, i) => `${String(9 + i).padStart(2, '0')}:${String(Math.floor(next() * 60)).padStart(2, '0')}`);
    const section = [
      `## Incident ${n}: degraded checkout on 2026-03-${day}`,
      '',
      `**Severity:** SEV-${1 + (n % 3)} · **Status:** Resolved · **Owner:** @team-${n % 17}`,
      '',
      '### Summary',
      '',
      `Checkout requests failed for a share of customers after a configuration change to the payment gateway. ${pick(EVENTS)}. Customers in two regions saw errors until the change was reverted.`,
      '',
      '### Impact',
      '',
      `About ${1 + (n % 40)}% of checkout attempts failed for ${10 + (n % 50)} minutes; card payments retried automatically and no order was charged twice. Support received ${n % 90} tickets.`,
      '',
      '### Timeline (UTC)',
      '',
      ...times.map((time, i) => `- **${time}** — ${EVENTS[i]}`),
      '',
      '### Root cause',
      '',
      `The gateway's connection pool was sized from a stale setting, so bursts of traffic exhausted it. ${pick(EVENTS)}.`,
      '',
      '### Lessons learned',
      '',
      `Configuration that sizes a pool should come from the traffic it serves. ${pick(EVENTS)}; the runbook now says how to check the pool before a change.`,
      '',
      '### Action items',
      '',
      '| Action | Owner | Priority | Due date | Status |',
      '| --- | --- | --- | --- | --- |',
      // Every fifth section has an action nobody owns: the report of a big file is long, too.
      `| Alert on pool saturation | ${n % 5 === 0 ? 'TBD' : `@sre-${n % 5}`} | P1 | 2026-04-${day} | Open |`,
      `| Size the pool from live traffic | @payments | P2 | 2026-05-${day} | In Progress |`,
      `| Add a load test of the gateway to the release checklist | @qa | P3 | 2026-06-${day} | Open |`,
      '',
      '',
    ].join('\n');
    parts.push(section);
    size += section.length;
  }
  return parts.join('');
}

if (process.argv[1]?.endsWith('big-postmortem.js') && process.argv[2]) {
  writeFileSync(process.argv[2], bigPostmortem(Number(process.argv[3] ?? 10_000_000)));
}
