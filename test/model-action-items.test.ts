import { describe, expect, it } from 'vitest';
import { PostmortemDocument, normalizeStatus, type ActionItem } from '../src/model/index.js';

function items(text: string, path?: string): ActionItem[] {
  return new PostmortemDocument(text, { path }).actionItems;
}

/** The source text a span covers. */
function at(text: string, span: { start: { offset: number }; end: { offset: number } }): string {
  return text.slice(span.start.offset, span.end.offset);
}

describe('action items: tables', () => {
  const text = [
    '# Outage',
    '',
    '## Action Items',
    '',
    '### Prevent',
    '',
    '| # | Action Item | Assignee | Pri | Deadline | State | Tracking bug |',
    '|---|-------------|----------|-----|----------|-------|--------------|',
    '| 1 | Alert on pool saturation | @sre | P1 | 2026-02-20 | ✅ Done | OPS-12 |',
    '| 2 | Load test checkout | | P2 | |',
    '|   |   |   |   |   |   |   |',
    '',
  ].join('\n');

  it('reads every field from its column, with the cell as span', () => {
    const [first, second, ...rest] = items(text);
    expect(rest).toEqual([]);
    expect(first!.source).toBe('table');
    expect(first!.text).toBe('Alert on pool saturation');
    expect(at(text, first!.textSpan)).toBe('Alert on pool saturation');
    expect(first!.fields.owner?.text).toBe('@sre');
    expect(at(text, first!.fields.owner!.span)).toBe('@sre');
    expect(first!.fields.priority?.value).toBe('P1');
    expect(first!.fields.due?.value).toMatchObject({ date: { year: 2026, month: 2, day: 20 }, valid: true });
    expect(first!.fields.status?.value).toBe('done');
    expect(first!.fields.ticket?.text).toBe('OPS-12');
    expect(first!.completed).toBe(true);
    expect(first!.table?.columns).toEqual({
      action: 'action item', owner: 'assignee', priority: 'pri', due: 'deadline', status: 'state', ticket: 'tracking bug',
    });
    expect(first!.span.start.line).toBe(9);
    // Empty and absent cells are present but empty; the row is not completed.
    expect(second!.fields.owner?.text).toBe('');
    expect(second!.fields.due?.text).toBe('');
    expect(second!.fields.due?.value).toBeNull();
    expect(second!.fields.status?.text).toBe('');
    expect(second!.completed).toBe(false);
  });

  it('takes tables elsewhere only with an action column and an owner, priority or due column', () => {
    const doc = [
      '# Outage',
      '',
      '## Response',
      '',
      '| Role | Name | Joined At |',
      '|------|------|-----------|',
      '| Incident commander | Bob | 14:37 |',
      '',
      '## Timeline',
      '',
      '| Time | Action | Owner |',
      '|------|--------|-------|',
      '| 14:30 | Rolled back | @alice |',
      '',
      '## Review',
      '',
      '| Task | Owner |',
      '|------|-------|',
      '| Add a canary stage | @sre |',
      '',
      '| Task | Notes |',
      '|------|-------|',
      '| Add a canary stage | none |',
    ].join('\n');
    expect(items(doc).map((item) => item.text)).toEqual(['Add a canary stage']);
    expect(items(doc)[0]!.table?.inActionSection).toBe(false);
  });

  it('uses the first non-field column as the action when no column is named so', () => {
    const doc = '## Follow-ups\n\n| Improvement idea | Owner |\n|---|---|\n| Cap retries | @dave |\n';
    expect(items(doc)[0]!.text).toBe('Cap retries');
    expect(items(doc)[0]!.table?.columns.action).toBe('improvement idea');
  });
});

describe('action items: lists', () => {
  it('reads inline fields with exact spans', () => {
    const text = [
      '## Action Items',
      '',
      '- [ ] Fail the job on errors — owner: @search-team, priority: P1, due: 2026-01-30',
      '- [ ] Alert on stale index (@sre, P2, due 2026-02-06)',
      '- Document the procedure, owner: Dana Lee; by Feb 13, 2026',
      '- Rotate credentials (P0) jane@ **Status:** In Progress',
      '- Add a dry run, priority P3, ticket: https://tracker.example/browse/OPS-7',
    ].join('\n');
    const [a, b, c, d, e] = items(text);
    expect(a!.source).toBe('task-list');
    expect(a!.checked).toBe(false);
    expect(at(text, a!.fields.owner!.span)).toBe('@search-team');
    expect(at(text, a!.fields.priority!.span)).toBe('P1');
    expect(at(text, a!.fields.due!.span)).toBe('2026-01-30');
    expect(at(text, a!.textSpan)).toBe('Fail the job on errors — owner: @search-team, priority: P1, due: 2026-01-30');
    expect([b!.fields.owner?.text, b!.fields.priority?.text, b!.fields.due?.text]).toEqual(['@sre', 'P2', '2026-02-06']);
    expect(c!.source).toBe('bullet');
    expect(c!.fields.owner?.text).toBe('Dana Lee');
    expect(c!.fields.due?.text).toBe('Feb 13, 2026');
    expect(c!.fields.due?.value).toMatchObject({ format: 'long', date: { year: 2026, month: 2, day: 13 } });
    expect([d!.fields.priority?.text, d!.fields.owner?.text, d!.fields.status?.value]).toEqual(['P0', 'jane@', 'in progress']);
    expect(e!.fields.priority?.text).toBe('P3');
    expect(e!.fields.ticket?.text).toBe('https://tracker.example/browse/OPS-7');
  });

  it('ignores e-mail addresses and code as owners', () => {
    const [item] = items('## Action Items\n\n- Reply to security@example.com and run `@deploy`\n');
    expect(item!.fields.owner).toBeUndefined();
  });

  it('takes tracker links, reference links and bare URLs as tickets, not other links', () => {
    const text = [
      '## Action items',
      '',
      '1. Add alerts ([issue][alerts]).',
      '2. Fix the deploy job https://github.com/o/r/pull/2113',
      '3. Read [the docs](https://example.com/docs).',
      '',
      '[alerts]: https://github.com/o/r/issues/611',
    ].join('\n');
    const [a, b, c] = items(text);
    expect(a!.fields.ticket).toMatchObject({ text: 'issue', value: 'https://github.com/o/r/issues/611' });
    expect(b!.fields.ticket?.text).toBe('https://github.com/o/r/pull/2113');
    expect(c!.fields.ticket).toBeUndefined();
  });

  it('marks completed items: checked, done notes, completed headings and labels', () => {
    const text = [
      '## Corrective actions',
      '',
      '### Immediate actions (completed)',
      '',
      '- Rolled back the release',
      '',
      '### Next',
      '',
      '- [x] Patched the endpoint',
      '- Added guards (done)',
      '- Used in-progress metrics. _done in grafana_.',
      '- Increase VM size (in progress)',
      '- Decide whether this is done or not',
    ].join('\n');
    expect(items(text).map((item) => [item.text.slice(0, 18), item.completed])).toEqual([
      ['Rolled back the re', true],
      ['Patched the endpoi', true],
      ['Added guards (done', true],
      ['Used in-progress m', true],
      ['Increase VM size (', false],
      ['Decide whether thi', false],
    ]);
  });

  it('reads sub-sections, bold labels and legends', () => {
    const text = [
      '# Incident',
      '',
      '## Action items',
      '',
      '### Process',
      '',
      '- Gather the commands used',
      '',
      '**Short-term (1 week):**',
      '',
      '1. Add a load test',
      '',
      '**Priority definitions:**',
      '',
      '- **P0** - within 24 hours',
      '',
      '## Lessons learned',
      '',
      '- Reviews missed the untouched path.',
      '',
      '**Actions planned:**',
      '',
      '- We will build a threat model.',
      '',
      '**Actions taken:**',
      '',
      '- We extended the bounty scope.',
      '',
      '## Detection & Prevention Gaps',
      '',
      '**Prevention gaps:**',
      '',
      '- No static analysis.',
    ].join('\n');
    expect(items(text).map((item) => [item.text, item.completed])).toEqual([
      ['Gather the commands used', false],
      ['Add a load test', false],
      ['We will build a threat model.', false],
      ['We extended the bounty scope.', true],
    ]);
  });

  it('reads nested lists as details, groups, sub-tasks or field lines', () => {
    const text = [
      '## Action Items',
      '',
      '- Investigate the memory use of the agent:',
      '  - heap profile at peak',
      '- **Alerts**',
      '  - Alert at 80% of the limit',
      '  - Alert on OOM kills',
      '- [ ] Ensure that alerting is in place for:',
      '  - [ ] Warp Speed',
      '  - [ ] Claims backend',
      '- [ ] Review the wrapper',
      '  - Owner: @platform',
      '  - Due: 2026-02-27',
    ].join('\n');
    const found = items(text);
    expect(found.map((item) => item.text)).toEqual([
      'Investigate the memory use of the agent:',
      'Alert at 80% of the limit',
      'Alert on OOM kills',
      'Warp Speed',
      'Claims backend',
      'Review the wrapper',
    ]);
    const review = found.at(-1)!;
    expect(review.fields.owner?.text).toBe('@platform');
    expect(at(text, review.fields.due!.span)).toBe('2026-02-27');
    expect(review.fields.due!.span.start.line).toBe(13);
  });

  it('reads a list without fields beside action-item tables as discussion', () => {
    const text = [
      '## Corrective Actions',
      '',
      '| Action | Owner |',
      '|--------|-------|',
      '| Bound the cache | @dev |',
      '',
      '## Prevention Measures',
      '',
      '- Extend load tests to eight hours',
      '',
      '### Checklist',
      '',
      '- [ ] Add heap profiling',
      '',
      '## Follow-up',
      '',
      '- Profile the cache, owner: @dev',
      '- Review the runbook',
    ].join('\n');
    expect(items(text).map((item) => item.text)).toEqual([
      'Bound the cache', 'Add heap profiling', 'Profile the cache, owner: @dev', 'Review the runbook',
    ]);
  });

  it('is computed once per document', () => {
    const doc = new PostmortemDocument('## Action Items\n\n- Do it (@me)\n');
    expect(doc.actionItems).toBe(doc.actionItems);
  });
});

describe('normalizeStatus', () => {
  it('drops case, punctuation, emoji and mis-decoded emoji', () => {
    expect(normalizeStatus('✅ Done')).toBe('done');
    expect(normalizeStatus('IN-PROGRESS 🔄')).toBe('in progress');
    expect(normalizeStatus("Won't Do")).toBe('wont do');
    expect(normalizeStatus('âœ… Done')).toBe('done');
    expect(normalizeStatus('ðŸ“ Open')).toBe('open');
  });
});
