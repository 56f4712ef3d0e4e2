import { describe, expect, it } from 'vitest';
import { PostmortemDocument } from '../src/model/index.js';

const times = (text: string, path?: string) => {
  const document = new PostmortemDocument(text, { path });
  const summary: Record<string, unknown> = {};
  for (const [metric, time] of Object.entries(document.responseTimes)) {
    summary[metric] = time && {
      minutes: time.seconds / 60,
      source: time.source,
      approximate: time.approximate,
      lines: time.spans.map((span) => `${span.start.line}:${span.start.column}-${span.end.line}:${span.end.column}`),
    };
  }
  return summary;
};

const TIMELINE = `# Checkout latency

## Timeline

| Time | Event |
|------|-------|
| 09:12 | Deploy 4812 starts |
| 09:20 | Latency alert fires |
| 09:31 | Deploy rolled back |
| 09:59 | Latency back to normal |
`;

describe('response times (model facts)', () => {
  it('reads the timeline: from its first entry to the first that says detected, mitigated, resolved', () => {
    expect(times(TIMELINE)).toEqual({
      detect: { minutes: 8, source: 'timeline', approximate: false, lines: ['7:1-7:31', '8:1-8:32'] },
      mitigate: { minutes: 19, source: 'timeline', approximate: false, lines: ['7:1-7:31', '9:1-9:31'] },
      resolve: { minutes: 47, source: 'timeline', approximate: false, lines: ['7:1-7:31', '10:1-10:35'] },
    });
  });

  it('counts from the entry that says the impact began, which may be its detection too', () => {
    const text = `# Outage

## Timeline

- 13:55 Release reaches the ingress controllers
- 14:02 Error-rate alert fires; impact begins
- 14:31 Limit raised and controllers restarted
- 14:40 Incident resolved
`;
    expect(times(text)).toEqual({
      detect: { minutes: 0, source: 'timeline', approximate: false, lines: ['6:1-6:46'] },
      mitigate: { minutes: 29, source: 'timeline', approximate: false, lines: ['6:1-6:46', '7:1-7:47'] },
      resolve: { minutes: 38, source: 'timeline', approximate: false, lines: ['6:1-6:46', '8:1-8:26'] },
    });
  });

  it('prefers what fields state: time to detect or resolve, the impact\'s duration; reads no range, bound or unknown', () => {
    const text = `# Node failure

**Time to detection:** 2 minutes
**TTR:** about 1 hour 5 minutes
**Time to mitigation:** ?

${TIMELINE.split('\n').slice(2).join('\n')}`;
    expect(times(text)).toMatchObject({
      detect: { minutes: 2, source: 'stated', approximate: false, lines: ['3:24-3:33'] },
      mitigate: { minutes: 19, source: 'timeline' },
      resolve: { minutes: 65, source: 'stated', approximate: true, lines: ['4:10-4:32'] },
    });
    expect(times('# X\n\n**Duration:** 38 minutes\n').resolve).toEqual({ minutes: 38, source: 'stated', approximate: false, lines: ['3:15-3:25'] });
    expect(times('# X\n\n**Duration:** 2-3 hours\n').resolve).toBeNull();
    expect(times('# X\n\n**Duration:** 2 to 3 hours\n').resolve).toBeNull();
    expect(times('# X\n\n**Time to detect:** < 1 minute, paged after 3 minutes\n').detect).toBeNull();
    expect(times('# X\n\n**Time to discovery:** 5 minutes\n').detect).toMatchObject({ minutes: 5, source: 'stated' });
    expect(times('# X\n\n**Time to repair:** 40 minutes\n').resolve).toMatchObject({ minutes: 40, source: 'stated' });
    expect(times('# X\n\n**Duration:** less than 5 minutes\n').resolve).toBeNull();
    expect(times('# X\n\n**Time to recovery:** N/A\n').resolve).toBeNull();
  });

  it('takes no figure counted from detection for a time from the start, and measures the timeline instead', () => {
    const questions = `# X\n\n| Question | Answer |\n|---|---|\n| How long did it take from the start of the incident to its detection? | 6 minutes |\n| How long did it take from detection to remediation? | 11 minutes |\n\n${TIMELINE.split('\n').slice(2).join('\n')}`;
    expect(times(questions)).toMatchObject({ detect: { minutes: 6, source: 'stated' }, mitigate: { minutes: 19, source: 'timeline' } });
    expect(times(`# X\n\n**Time to mitigate (from detection):** 11 minutes\n\n${TIMELINE.split('\n').slice(2).join('\n')}`).mitigate).toMatchObject({ minutes: 19, source: 'timeline' });
  });

  it('reads a resolution from the metadata\'s start and end instants, as status pages write them', () => {
    const text = `---
date: 2024-02-22 15:20:43
resolved: true
resolvedWhen: 2024-02-22 17:19:31
---

# Archive unavailable
`;
    expect(times(text).resolve).toEqual({ minutes: 118.8, source: 'metadata', approximate: false, lines: ['2:7-2:26', '4:15-4:34'] });
    const zoned = `---\ndate: 2022-10-11T13:57:00+02:00\nresolvedWhen: 2022-10-11T15:12:00+02:00\n---\n\n# Outage\n`;
    expect(times(zoned).resolve).toMatchObject({ minutes: 75, source: 'metadata' });
    // An end before the start, a zone on one side only, or a date without a time: no reading.
    expect(times(`---\ndate: 2022-10-27 10:00\nresolvedWhen: 2022-10-12T01:00:00+02:00\n---\n\n# X\n`).resolve).toBeNull();
    expect(times(`---\ndate: 2022-10-12 10:00\nresolvedWhen: 2022-10-12 12:00\n---\n\n# X\n`).resolve).toMatchObject({ minutes: 120 });
    expect(times(`---\ndate: 2022-10-12\nresolvedWhen: 2022-10-13\n---\n\n# X\n`).resolve).toBeNull();
  });

  it('reads the milestone an entry\'s label names as well as its words; a partial resolution is none', () => {
    const text = `# API

## Timeline

- 10:00 Impact begins
- 10:04 Paged: API error budget burning
- 10:30 Service partially restored; monitoring continues
- Resolved: 10:50
`;
    expect(times(text)).toMatchObject({
      detect: { minutes: 4, source: 'timeline', lines: ['5:1-5:22', '6:1-6:40'] },
      mitigate: null,
      resolve: { minutes: 50, source: 'timeline', lines: ['5:1-5:22', '8:1-8:18'] },
    });
    const later = `# API\n\n## Timeline\n\n- 10:00 Impact begins\n- 10:30 Service partially restored\n- 10:40 Cache warmed; service restored\n`;
    expect(times(later).resolve).toMatchObject({ minutes: 40 });
  });

  it('leaves out what the timeline does not show: partial or failed actions, reports that all is well, ends a day past a first entry', () => {
    const text = `# Search

## Timeline

- 02:00 Nightly merge starts
- 02:14 Merge fails; the scheduler wrapper reports success
- 03:00 Unable to scale up the cluster
- 04:00 Service partially restored
- 08:10 Support reports stale results
`;
    expect(times(text)).toEqual({
      detect: { minutes: 370, source: 'timeline', approximate: false, lines: ['5:1-5:29', '9:1-9:38'] },
      mitigate: null,
      resolve: null,
    });
    const late = `# X\n\n## Timeline\n\n- 2026-01-01 10:00 Change merged\n- 2026-01-03 10:00 Incident resolved\n`;
    expect(times(late).resolve).toBeNull();
    const stated = `# X\n\n## Timeline\n\n- 2026-01-01 10:00 Change merged\n- 2026-01-03 09:00 Outage begins\n- 2026-01-04 10:00 Incident resolved\n`;
    expect(times(stated).resolve).toMatchObject({ minutes: 25 * 60, source: 'timeline' });
    expect(times('# X\n\nNo timeline here.\n')).toEqual({ detect: null, mitigate: null, resolve: null });
  });
});

describe('severity (model fact)', () => {
  const severity = (value: string) => new PostmortemDocument(`# X\n\n**Severity:** ${value}\n`).severity;
  it('groups the ways a severity is written under one key; template text is no severity', () => {
    expect(severity('SEV-2')).toMatchObject({ text: 'SEV-2', key: 'SEV-2', span: { start: { line: 3, column: 15 } } });
    expect(severity('Sev 2')?.key).toBe('SEV-2');
    expect(severity('sev2 (customer facing)')?.key).toBe('SEV-2');
    expect(severity('p1')?.key).toBe('P1');
    expect(severity('Major — checkout down')?.key).toBe('Major');
    expect(severity('medium (tool usage error)')?.key).toBe('Medium');
    expect(severity('🔴 High')?.key).toBe('High');
    expect(severity('SEV-1 | SEV-2 | SEV-3')).toBeNull();
    expect(severity('TBD')).toBeNull();
    expect(severity('[SEV]')).toBeNull();
    expect(new PostmortemDocument('# X\n').severity).toBeNull();
  });
});
