import { describe, expect, it } from 'vitest';
import { PostmortemDocument, statusMeaning, type ActionItem } from '../src/model/index.js';
import { clauseTense, isPastForm, itemTense } from '../src/model/facts/action-items/tense.js';
import { leadInKind, isPromise, promisesLater, sentencesOf } from '../src/model/facts/action-items/phrases.js';

function items(text: string): ActionItem[] {
  return new PostmortemDocument(text).actionItems;
}

/** The source text a span covers. */
function at(text: string, span: { start: { offset: number }; end: { offset: number } }): string {
  return text.slice(span.start.offset, span.end.offset);
}

const doc = (...lines: string[]) => ['# Outage', '', ...lines, ''].join('\n');

describe('tense of an item', () => {
  it.each([
    ['Add rate limiting', 'imperative'],
    ['Investigate why retries fail', 'imperative'],
    ['Based on the incident, add alerting', 'imperative'],
    ['We will add monitoring for replica lag', 'future'],
    ['Non-Avail clients were to be filtered on identify events', 'future'],
    ['The reliance on the API will be removed', 'future'],
    ['Need to add an alert', 'future'],
    ['We are working on adding more people to the rotation', 'ongoing'],
    ['Added rate limiting', 'past'],
    ['Re-enabled alerting on our public relays', 'past'],
    ['Temporarily doubled bounty rewards', 'past'],
    ['We have enabled SMS notifications', 'past'],
    ['Additional observability was introduced', 'past'],
    ['DNS caching added a delay between the change and the failures', 'past'],
    ['We added alerts so that we will know sooner', 'past'],
    ['Fixed in v1.2.3', 'past'],
    ['Improved alerting', 'other'],
    ['Improved the alert thresholds', 'past'],
    ['Phased rollouts for configuration changes', 'other'],
    ['Better runbooks', 'other'],
  ])('%s → %s', (text, tense) => {
    expect(itemTense(text)).toBe(tense);
  });

  it('reads "Label: explanation" items by the explanation when it is work, else by the label', () => {
    expect(itemTense('Checked arithmetic: Replace unsafe math with checked operations')).toBe('imperative');
    expect(itemTense('Scaling down cluster size: Reduced the aggregate API load.')).toBe('past');
    expect(itemTense('Scale up nodes: We quadrupled the capacity')).toBe('imperative');
    // An explanation that describes a state does not make the item done.
    expect(itemTense('Better runbooks: the runbook was outdated')).toBe('other');
  });

  it('counts adjectival participles as past only when loose', () => {
    expect(clauseTense('Updated KYC policies')).toBe('other');
    expect(clauseTense('Updated KYC policies', false)).toBe('past');
  });

  it('knows past forms', () => {
    expect(['added', 'built', 're-enabled', 'needed'].map(isPastForm)).toEqual([true, true, true, true]);
    expect(['need', 'embed', 'hundred', 'rate-limited', 'red'].map(isPastForm)).toEqual([false, false, false, false, false]);
  });
});

describe('lead-ins and promises', () => {
  it.each([
    ['Going forward, we will do the following in an effort to avoid similar issues:', 'forward'],
    ['To prevent similar issues in the future, we\'ve made a few changes:', 'forward'],
    ['In this report we will go through:', null],
    ['Within ten minutes of the page we took these steps:', 'done'],
    ['We identified the following gaps:', null],
    ['We did not have the following safeguards:', null],
    ['Create validation scripts to detect unsafe patterns:', 'imperative'],
    ['Add the following alerts:', null],
    ['We will add monitoring.', null],
  ])('%s → %s', (text, kind) => {
    expect(leadInKind(text)).toBe(kind);
  });

  it('reads promises with their subject, passive promises and instructions, not vague ones', () => {
    expect(isPromise('Going forward the Chia team is going to rebuild the site deployment process')).toBe(true);
    expect(isPromise('The bug causing the failure will be fixed in the same upgrade.')).toBe(true);
    expect(isPromise('Add a notification in the GUI.')).toBe(true);
    expect(isPromise('We will continue to monitor the situation.')).toBe(false);
    expect(isPromise('Traffic should return to normal.')).toBe(false);
  });

  it('finds a later promise that keeps a past item open', () => {
    expect(promisesLater('The metric was never exported; add one')).toBe(true);
    expect(promisesLater('Added alerts. This will let us catch it sooner.')).toBe(false);
  });

  it('splits sentences with their offsets', () => {
    expect(sentencesOf('Steps 1. and 2. ran. We will add a check.')).toEqual([
      { start: 0, end: 20, text: 'Steps 1. and 2. ran.' },
      { start: 21, end: 41, text: 'We will add a check.' },
    ]);
  });
});

describe('status meanings', () => {
  it('maps the words teams write to what they mean', () => {
    expect(['shipped', 'to do', 'doing', 'wont fix', 'blocked', 'parked'].map(statusMeaning)).toEqual([
      'done', 'todo', 'in progress', 'wont do', 'blocked', null,
    ]);
    // What incident tools and trackers export: incident.io's "Outstanding", GitHub's "not planned".
    expect(['outstanding', 'pending', 'in review', 'not planned', 'dropped'].map(statusMeaning)).toEqual([
      'todo', 'todo', 'in progress', 'wont do', 'wont do',
    ]);
  });
});

describe('action items: done work', () => {
  it('marks past items done, and the items led by a participle in a mostly past list', () => {
    const found = items(doc(
      '## Action items',
      '',
      '- [ICL] Temporarily doubled bounty rewards',
      '- [AR] Completed commit triage for all contributions',
      '- [ICL] Removed legacy maintainer access',
      '- [ICL] Enforced branch protection',
      '- [ICL] Documented and published a public report',
    ));
    expect(found.map((item) => item.completed)).toEqual([true, true, true, true, true]);
    expect(found[0]!.fields.owner?.text).toBe('ICL');
  });

  it('keeps an item without a verb open in a mostly past list', () => {
    const found = items(doc('## Action items', '', '- Added disk alerts', '- Rolled back the config', '- Runbook for disk exhaustion'));
    expect(found.map((item) => item.completed)).toEqual([true, true, false]);
  });

  it('keeps a list of plans written with participles open', () => {
    const found = items(doc('## Action items', '', '- Improved alerting', '- Improved dashboards', '- Added runbooks', '- Better paging'));
    expect(found.map((item) => item.completed)).toEqual([false, false, true, false]);
  });

  it('keeps an item open when it states an open status or promises more', () => {
    const found = items(doc('## Next steps', '', '- Added retries (in progress)', '- Rolled back the deploy. We will add a canary stage.'));
    expect(found.map((item) => item.completed)).toEqual([false, false]);
  });

  it('marks a list done after a lead-in that reports it', () => {
    const found = items(doc('## Remediation', '', 'Within minutes we took these steps:', '', '- Scaling down', '- Blocking admin APIs'));
    expect(found.map((item) => item.completed)).toEqual([true, true]);
  });

  it('reads completion notes that wrap, sit in emphasis, or say the work exists', () => {
    const found = items(doc(
      '## Action items',
      '',
      '1. **Alert on lag.** *(shipped for the API;',
      '   other services to follow)*',
      '2. **Log the replica.** Note: on investigation, we already do this.',
      '3. **Page on errors.** *(outstanding — nothing built)*',
      '4. Add a test (shipped — v4.2)',
    ));
    expect(found.map((item) => item.completed)).toEqual([true, true, false, true]);
    expect(found[3]!.fields.status?.text).toBe('shipped');
  });

  it('marks done an item whose pull request the document links as fixed', () => {
    const found = items(doc(
      '## Resolution',
      '',
      'The filter is [fixed][pr].',
      '',
      '## Action items',
      '',
      '- Fix the filter ([pull request][pr])',
      '',
      '[pr]: https://github.com/o/r/pull/12',
    ));
    expect(found.map((item) => item.completed)).toEqual([true]);
  });

  it('marks a table row done when its action is in the past tense and it has no status', () => {
    const text = doc('## Action Items', '', '| Description | Owner |', '| --- | --- |', '| Added test coverage | |', '| Add an alert | |');
    expect(items(text).map((item) => item.completed)).toEqual([true, false]);
  });
});

describe('action items: fields', () => {
  it('reads a bracketed owner, not a bracketed tag', () => {
    const text = doc('## Action items', '', '- [Hypha] Investigate the window', '- [Optional] Publish a note', '- [P1] Fix it');
    const [hypha, optional, p1] = items(text);
    expect(hypha!.fields.owner?.text).toBe('Hypha');
    expect(at(text, hypha!.fields.owner!.span)).toBe('Hypha');
    expect(optional!.fields.owner).toBeUndefined();
    expect(p1!.fields.owner).toBeUndefined();
  });

  it('reads a named subject as the owner when it is a name', () => {
    const text = doc(
      'Hypha and ICL met; the report was written by Hypha.',
      '',
      '## Action items',
      '',
      '- ICL to build 22.0.3',
      '- Hypha will run the full suite',
      '- Monitoring will page on latency',
      '- Alerts will be added',
    );
    expect(items(text).map((item) => item.fields.owner?.text)).toEqual(['ICL', 'Hypha', undefined, undefined]);
  });

  it('reads a name before a verb of work as the owner, not a verb or a noun by its ending', () => {
    const text = doc(
      '## Action items',
      '',
      '- Ana to add an indexer lag alert (P1)',
      '- Marcus will split the queue',
      '- Platform team to review queue limits',
      '- Update to version 2 of the client',
      '- Monitoring to include disk latency',
      '- Backups to run hourly',
      '- Services to restart on failure',
    );
    expect(items(text).map((item) => item.fields.owner?.text)).toEqual(['Ana', 'Marcus', 'Platform team', undefined, undefined, undefined, undefined]);
  });

  it('reads an owner or a status signed after the action, not a month, priority or prose there', () => {
    const text = doc(
      '## Action items',
      '',
      '1. Add broker disk I/O to the dashboard — Ben, by end of February',
      '2. Document that scaling consumers does not help - Ana Lopez.',
      '3. Add a lag alert (Platform team, P2, due 2026-03-01)',
      '4. Review the thresholds (J.D., by 2026-03-01)',
      '5. Move compaction to 02:00 — Done',
      '6. Rotate the certificates — March',
      '7. Update the runbook — see the wiki',
      '8. Add an alert (Grafana)',
      '9. Add a panel — P1',
      '10. Page the owner — TBD',
    );
    const found = items(text);
    expect(found.map((item) => item.fields.owner?.text)).toEqual(['Ben', 'Ana Lopez', 'Platform team', 'J.D.', undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(at(text, found[0]!.fields.owner!.span)).toBe('Ben');
    expect(at(text, found[2]!.fields.owner!.span)).toBe('Platform team');
    expect(found.map((item) => item.fields.status?.text)).toEqual([undefined, undefined, undefined, undefined, 'Done', undefined, undefined, undefined, undefined, undefined]);
    expect(found[4]!.completed).toBe(true);
  });

  it('leaves a list of timeline entries under a timeline section to the timeline, whatever its heading', () => {
    const text = doc('## Timeline', '', '- 10:00 flag on', '', '### Follow-up (March 10)', '', '- 14:00 — postmortem review', '- 15:30 — rate limit agreed', '', '### Follow-ups', '', '- Add a rate limit (owner: @data)');
    expect(items(text).map((item) => item.text)).toEqual(['Add a rate limit (owner: @data)']);
  });

  it('takes a done status written where the due date would be as the row done', () => {
    const text = doc('## Action items', '', '| Action | Owner | Due |', '|---|---|---|', '| Clean the temp directory | @ana | ✅ Done |', '| Alert on disk usage | @ben | 2026-05-19 |');
    expect(items(text).map((item) => [item.text, item.completed])).toEqual([['Clean the temp directory', true], ['Alert on disk usage', false]]);
  });

  it('reads a labelled owner in brackets whole: a name without its brackets, a template word with them', () => {
    const text = doc('## Action items', '', '- [ ] Fix (owner: [Ana Lopez], due: 2026-03-01)', '- [ ] Fix (owner: [Owner])', '- [ ] Fix (owner: [team name])');
    const found = items(text);
    expect(found.map((item) => item.fields.owner?.text)).toEqual(['Ana Lopez', '[Owner]', '[team name]']);
    expect(at(text, found[0]!.fields.owner!.span)).toBe('Ana Lopez');
    expect(at(text, found[1]!.fields.owner!.span)).toBe('[Owner]');
  });

  it('reads the name in a closing run of dash-separated fields', () => {
    const text = doc(
      '## Action items',
      '',
      '1. [PAY-4411](https://tracker.test/PAY-4411) Document the rotation runbook — Bob — P3 — 2026-04-30',
      '2. Overlap the keys — Ana Lopez — 2026-04-16.',
      '3. Rotate the keys — see the runbook — P2',
      '4. Publish the key — Friday — P1',
    );
    const found = items(text);
    expect(found.map((item) => [item.fields.owner?.text, item.fields.priority?.text, item.fields.due?.text])).toEqual([
      ['Bob', 'P3', '2026-04-30'],
      ['Ana Lopez', undefined, '2026-04-16'],
      [undefined, 'P2', undefined],
      [undefined, 'P1', undefined],
    ]);
    expect(at(text, found[0]!.fields.owner!.span)).toBe('Bob');
  });

  it('reads an e-mail address standing beside a priority as the owner', () => {
    const text = doc(
      '## Action items',
      '',
      '- [ ] Alert on route count drop — ops@acme-corp.io, P2, 2026-03-31',
      '- [ ] Page the owner (P1, sre.oncall@acme-corp.io)',
      '- [ ] Write to support@acme-corp.io about the refunds — P2',
    );
    const found = items(text);
    expect(found.map((item) => [item.fields.owner?.text, item.fields.priority?.text, item.fields.due?.text])).toEqual([
      ['ops@acme-corp.io', 'P2', '2026-03-31'],
      ['sre.oncall@acme-corp.io', 'P1', undefined],
      [undefined, 'P2', undefined],
    ]);
    expect(at(text, found[0]!.fields.owner!.span)).toBe('ops@acme-corp.io');
  });

  it('gives every item the fields a lead-in says they share, and takes a struck-through item as done', () => {
    const text = doc(
      '## Action items',
      '',
      'Owner for all items below: @lena.',
      '',
      '1. Add a policy simulator check (P1, due 2026-08-05)',
      '2. Split bucket policies per service (owner: @ops, P2, due 2026-09-01)',
      '3. ~~Add a manual approval for policy changes~~ (dropped: the simulator covers it)',
      '',
      '## Lessons learned',
      '',
      'Discussed with @sam:',
      '',
      '- Review plans in smaller pieces',
    );
    const found = items(text);
    expect(found.map((item) => [item.fields.owner?.text, item.completed])).toEqual([['@lena', false], ['@ops', false], ['@lena', true]]);
    expect(at(text, found[0]!.fields.owner!.span)).toBe('@lena');
  });

  it('reads fields an item ends with as bare tags, two or more in a row', () => {
    const text = doc(
      '## Action items',
      '',
      '- [ ] Make checkout fail open for the payment flag @maya-chen P1 2026-10-02',
      '- [ ] Add a readiness probe P2 2026-10-16',
      '- [ ] Retire the v1 API after 2026-10-02',
    );
    const found = items(text);
    expect(found.map((item) => [item.fields.owner?.text, item.fields.priority?.text, item.fields.due?.text])).toEqual([
      ['@maya-chen', 'P1', '2026-10-02'],
      [undefined, 'P2', '2026-10-16'],
      [undefined, undefined, undefined],
    ]);
    expect(at(text, found[0]!.fields.due!.span)).toBe('2026-10-02');
  });

  it('reads field labels only where labels stand', () => {
    const text = doc(
      '## Action items',
      '',
      '1. **Tool Priority**: Use the safe scripts first',
      '2. Ship the parser (priority: P1) **Owner:** @app',
      '3. Roll out slowly (priority: high with a staged rollout)',
    );
    const [tool, parser, rollout] = items(text);
    expect(tool!.fields.priority).toBeUndefined();
    expect(parser!.fields.priority?.text).toBe('P1');
    expect(parser!.fields.owner?.text).toBe('@app');
    expect(rollout!.fields.priority).toBeUndefined();
  });

  it('reads labels after a bold title or a lower-case word, not at the end of a title', () => {
    const text = doc(
      '## Action items',
      '',
      '- **Add alerting** Owner: @bob Due: 2026-03-01',
      '- Fix the disk alert owner: Bob Smith',
      '- Release Owner: Add a manifest check',
    );
    expect(items(text).map((item) => [item.fields.owner?.text, item.fields.due?.text])).toEqual([
      ['@bob', '2026-03-01'],
      ['Bob Smith', undefined],
      [undefined, undefined],
    ]);
  });

  it('reads the team and expected-date columns teams write', () => {
    const text = doc('## Action Items', '', '| Action | Owning Team | Expected date |', '| --- | --- | --- |', '| Fix it | Payments | 2026-03-01 |');
    expect(items(text)[0]!.table?.columns).toEqual({ action: 'action', owner: 'owning team', due: 'expected date' });
  });

  it('reads action-item columns named in the other languages whose sections it reads', () => {
    const columns = (...header: string[]) =>
      items(doc('## Action Items', '', `| ${header.join(' | ')} |`, `|${' --- |'.repeat(header.length)}`, `| Fix it |${' x |'.repeat(header.length - 1)}`))[0]?.table?.columns;
    expect(columns('Maßnahme', 'Verantwortlich', 'Priorität', 'Fällig bis', 'Status')).toEqual({ action: 'maßnahme', owner: 'verantwortlich', priority: 'priorität', due: 'fällig bis', status: 'status' });
    expect(columns('Action', 'Responsable', 'Priorité', 'Échéance')).toEqual({ action: 'action', owner: 'responsable', priority: 'priorité', due: 'échéance' });
    expect(columns('Acción', 'Responsable', 'Fecha límite', 'Estado')).toEqual({ action: 'acción', owner: 'responsable', due: 'fecha límite', status: 'estado' });
    expect(columns('Ação', 'Responsável', 'Prazo')).toEqual({ action: 'ação', owner: 'responsável', due: 'prazo' });
    expect(columns('対応', '担当者', '優先度', '期限')).toEqual({ action: '対応', owner: '担当者', priority: '優先度', due: '期限' });
    expect(columns('조치', '담당자', '기한')).toEqual({ action: '조치', owner: '담당자', due: '기한' });
  });

  it('reads "target:" as a due date label only before a date or a period', () => {
    const text = doc('## Action items', '', '- [ ] Fix the retry loop (assigned: @bob, priority: P2, target: 2026-05-08)', '- [ ] Add an SLO alert (owner: @bob, target: 99.9%)', '- [ ] Drill the failover (@bob, planned for Q3 2026)');
    expect(items(text).map((item) => item.fields.due?.text)).toEqual(['2026-05-08', undefined, 'Q3 2026']);
  });

  it('reads a name anywhere in a closing parenthesis of fields, and periods and schedules as its due date', () => {
    const text = doc(
      '## Action items',
      '',
      '1. Retire the legacy SP (P3, Finance IT, end of June)',
      '2. Document the rollover (P2, Maria, next sprint)',
      '3. Alert on SAML errors (P2, @identity-oncall, EOQ)',
      '4. Add a disk panel — Ben, by end of February',
      '5. Add a runbook (@ana, P2, due Q3 2026)',
      '6. Review the limits (P2, see the wiki, Maria)',
    );
    const found = items(text);
    expect(found.map((item) => [item.fields.owner?.text, item.fields.due?.text])).toEqual([
      ['Finance IT', 'end of June'],
      ['Maria', 'next sprint'],
      ['@identity-oncall', 'EOQ'],
      ['Ben', 'end of February'],
      ['@ana', 'Q3 2026'],
      [undefined, undefined],
    ]);
    expect(at(text, found[1]!.fields.owner!.span)).toBe('Maria');
    expect(at(text, found[0]!.fields.due!.span)).toBe('end of June');
  });
});

describe('action items: where they are written', () => {
  it('takes a label item with detail sub-bullets as one item, and a label over actions as a group', () => {
    const text = doc(
      '## Action items',
      '',
      '1. **Metrics to track**:',
      '   - Controller restarts',
      '   - Attachment latency',
      '2. **Dashboards**',
      '   - Add a disk panel',
      '   - Add a lag panel',
    );
    expect(items(text).map((item) => item.text)).toEqual(['Metrics to track:', 'Add a disk panel', 'Add a lag panel']);
  });

  it('takes an instruction lead-in as the item and its list as details', () => {
    const text = doc('## Action items', '', 'Create validation scripts to detect unsafe patterns:', '', '- inline content', '- metacharacters');
    const [item, ...rest] = items(text);
    expect(rest).toEqual([]);
    expect(item!.source).toBe('paragraph');
    expect(at(text, item!.textSpan)).toBe('Create validation scripts to detect unsafe patterns:');
  });

  it('keeps the items of a list of actions under an instruction lead-in', () => {
    const text = doc('## Action items', '', 'Improve monitoring:', '', '- Add a disk alert', '- Add a CPU alert');
    expect(items(text).map((item) => item.text)).toEqual(['Add a disk alert', 'Add a CPU alert']);
  });

  it('takes the list after a forward lead-in outside action-item sections', () => {
    const text = doc(
      '## Recovery',
      '',
      'Going forward, we will do the following:',
      '',
      '- We will add monitoring for replica lag',
      '- Added a dashboard',
      '',
      'Users saw the following errors:',
      '',
      '- timeouts',
    );
    expect(items(text).map((item) => [item.text, item.completed])).toEqual([
      ['We will add monitoring for replica lag', false],
      ['Added a dashboard', true],
    ]);
  });

  it('reads a plain "Action Items" line as a label, until "Lessons Learned"', () => {
    const text = doc('## Detection', '', 'People told us.', '', 'Action Items', '- Set up alerting', '', 'Lessons Learned', '- Know your certificates');
    expect(items(text).map((item) => item.text)).toEqual(['Set up alerting']);
  });

  it('reads bold status and action labels', () => {
    const text = doc(
      '## Lessons',
      '',
      '**TODO**: monitor systemd units.',
      '',
      '**DONE**: Alex added the sites to monitoring.',
      '',
      '**Action planned:** We will expand alerting.',
      '',
      '**Note**: this was hard.',
      '',
      '## Timeline',
      '',
      '**TODO** 10:00 page the team',
    );
    const found = items(text);
    expect(found.map((item) => [item.source, item.text, item.completed])).toEqual([
      ['paragraph', 'monitor systemd units.', false],
      ['paragraph', 'Alex added the sites to monitoring.', true],
      ['paragraph', 'We will expand alerting.', false],
    ]);
  });

  it('takes sub-sections of a prose action-item section as items, reported on their headings', () => {
    const text = doc(
      '## Prevention',
      '',
      'We are implementing the following measures:',
      '',
      '#### 1. Phased rollouts',
      '',
      'All changes will follow a phased rollout.',
      '',
      '#### 2. Cache restored (done)',
      '',
      'The cache was rebuilt.',
      '',
      '#### Background',
      '',
      'The cluster is old.',
    );
    const found = items(text);
    expect(found.map((item) => [item.source, item.text, item.completed])).toEqual([
      ['heading', 'Phased rollouts', false],
      ['heading', 'Cache restored (done)', true],
    ]);
    expect(at(text, found[0]!.textSpan)).toBe('#### 1. Phased rollouts');
  });

  it('takes plain lines of instructions as one item each, with their fields', () => {
    const text = doc('## Follow-up actions', 'Add more tests.', 'Minimize data structures, owner: @core', 'Bug bounty for the code.');
    const found = items(text);
    expect(found.map((item) => [item.source, at(text, item.textSpan)])).toEqual([
      ['line', 'Add more tests.'],
      ['line', 'Minimize data structures, owner: @core'],
      ['line', 'Bug bounty for the code.'],
    ]);
    expect(found[1]!.fields.owner?.text).toBe('@core');
  });

  it('takes the first promise of a prose paragraph, reported on its sentence', () => {
    const text = doc(
      '## Remedial measures',
      '',
      'The rewards were restored. The bug will be fixed in the next upgrade. We will also watch the feed.',
      '',
      'We will continue to monitor the oracle.',
    );
    const found = items(text);
    expect(found).toHaveLength(1);
    expect(at(text, found[0]!.textSpan)).toBe('The bug will be fixed in the next upgrade.');
  });

  it('drops untracked new-form items and lists beside task lists', () => {
    const text = doc(
      '## Recommendations',
      '',
      '- Keep an eye on restarts',
      '',
      '## Action items',
      '',
      '- [ ] Document the restore procedure',
      '- [ ] Create a runbook',
    );
    expect(items(text).map((item) => item.source)).toEqual(['task-list', 'task-list']);
  });

  it('knows an action-item table whose rows are all empty', () => {
    const document = new PostmortemDocument(doc('## Action Items', '', '| Description | Owner |', '| --- | --- |', '| | |'));
    expect(document.actionItems).toEqual([]);
    expect(document.actionItemTables.map((table) => table.empty)).toEqual([true]);
  });
});

describe('action items: plain lines that only mention a kind', () => {
  it('leave the scope of an action-item section as it is', () => {
    const text = doc('## Action items', '', 'We discussed the following follow-ups:', '', '- Improved alerting', '- Better dashboards');
    expect(items(text).map((item) => [item.text, item.completed])).toEqual([
      ['Improved alerting', false],
      ['Better dashboards', false],
    ]);
  });

  it('do not make a table elsewhere a list of items by a "Team" column', () => {
    const text = doc('## Impact', '', '| Team | Description |', '| --- | --- |', '| Payments | No card payments |');
    expect(items(text)).toEqual([]);
  });
});

describe('fields written as tools write them', () => {
  it('reads a ticket referenced as GitLab and GitHub write one, opening or closing the item', () => {
    const text = doc(
      '## Action items',
      '',
      '- [ ] infra/production#18830 — Validate the limit',
      '- [ ] Alert on pending jobs (RUN-215)',
      '- [ ] #912 — Add the limit to the checklist',
      '- [ ] Revert the limit in staging too (infra/runners!7741)',
      '- [ ] Remove the flag after #913 lands',
      '- [ ] Move SEV-2 pages to the new rota',
    );
    expect(items(text).map((item) => (item.fields.ticket ? at(text, item.fields.ticket.span) : null))).toEqual([
      'infra/production#18830',
      'RUN-215',
      '#912',
      'infra/runners!7741',
      null,
      null,
    ]);
  });

  it('reads the marks of Obsidian Tasks and a Notion date mention', () => {
    const text = doc('## Action items', '', '- [ ] Add an alert 📅 2026-08-20 ⏫ @lucia', '- [ ] Add a test @lucia @August 28, 2026');
    const [first, second] = items(text);
    expect(first!.fields.due!.value).toMatchObject({ date: { year: 2026, month: 8, day: 20 } });
    expect(first!.fields.priority).toMatchObject({ text: '⏫', value: 'High' });
    expect(at(text, second!.fields.owner!.span)).toBe('@lucia');
    expect(at(text, second!.fields.due!.span)).toBe('August 28, 2026');
  });
});
