import { describe, expect, it } from 'vitest';
import { PostmortemDocument } from '../src/model/index.js';

const model = (text: string) => new PostmortemDocument(text);
const titled = (text: string) => model(text).coverage.titled.map((place) => [place.form, place.title, place.kinds.join(','), place.span.start.line]);

describe('coverage: where a document titles its parts', () => {
  it('reads headings by meaning, bold paragraphs, labels and plain heading lines', () => {
    const text = [
      '# Checkout errors', // 1: the title, not a part
      '',
      '- **Impact**: 20% of checkouts failed for 40 minutes.', // 3: a label with its text
      '- Root cause: a stale feature flag.', // 4
      '',
      '## What allowed this to happen?', // 6: a question title
      '',
      'The flag was never removed.',
      '',
      '**Looking forward:**', // 10: a bold heading by meaning
      '',
      '- remove stale flags weekly',
      '',
      'Timeline', // 14: a plain line left from a lost heading
      '',
      'Nothing was logged.',
      '',
    ].join('\n');
    expect(titled(text)).toEqual([
      ['label', 'Impact', 'impact', 3],
      ['label', 'Root cause', 'root-cause', 4],
      ['heading', 'What allowed this to happen?', 'root-cause', 6],
      ['bold-heading', 'Looking forward', 'action-items', 10],
      ['plain-heading', 'Timeline', 'timeline', 14],
    ]);
  });

  it('finds a heading joined to the text above it in a copied post, and names a kind by a telling word', () => {
    const text = 'We restored service at 17:05 UTC.\nNext steps and improvements\nWe will add an alert.\n\n## Impacted slots\n\nSlots 9-12.\n';
    expect(titled(text)).toEqual([
      ['plain-heading', 'Next steps and improvements', 'action-items', 2],
      ['heading', 'Impacted slots', 'impact', 5],
    ]);
  });

  it('does not take a sentence, a field with a value or a last line for a title', () => {
    const text = 'Our systems recovered.\n\nSeverity: SEV-2\n\nSee the runbook, then retry.\n\nSummary\n';
    expect(titled(text)).toEqual([]);
  });
});

describe('coverage: numbered outlines and labels of no known kind', () => {
  it('reads the items of a numbered outline as titles, and not a list of steps or a short list', () => {
    const outline = '# Review\n\n1. Summary\n   Logins failed.\n2. Impact\n   Every login failed.\n3. Runbook used\n   The login runbook.\n';
    expect(titled(outline)).toEqual([
      ['outline-item', 'Summary', 'summary', 3],
      ['outline-item', 'Impact', 'impact', 5],
      ['outline-item', 'Runbook used', '', 7],
    ]);
    // Steps are sentences; two items are not an outline; items without text under them are a plain list.
    expect(titled('1. Restart the service.\n   It came back.\n2. Check the logs.\n   Clean.\n3. Close the incident.\n   Done.\n')).toEqual([]);
    expect(titled('1. Summary\n   A.\n2. Impact\n   B.\n')).toEqual([]);
    expect(titled('1. Summary\n2. Impact\n3. Timeline\n')).toEqual([]);
  });

  it('reads a label of no known kind as a titled place, but not a metadata field', () => {
    expect(titled('- **Runbook used:** the login runbook\n- **Date:** 2026-05-19\n- **Impact:** none\n')).toEqual([
      ['label', 'Runbook used', '', 1],
      ['label', 'Impact', 'impact', 3],
    ]);
  });
});

describe('coverage: parts covered without a title', () => {
  it('takes the first paragraph of a post for its summary, not a log line or a field block', () => {
    expect(model('---\ntitle: x\n---\n\nThe API returned errors for twelve minutes after a deploy.\n').coverage.implicit.map((c) => c.kind)).toEqual(['summary']);
    expect(model('2024-04-06 09:59:00 - The site lost power and every service stopped.\n').coverage.implicit.map((c) => c.kind)).toEqual([]);
    expect(model('**Status:** resolved\n**Period:** 21:50 - 02:00\n').coverage.implicit).toEqual([]);
    // A note set apart before it ("> [!NOTE]") is not the lead: the paragraph after it is.
    const noted = model('---\ntitle: x\n---\n\n> [!NOTE]\n> Blameless format.\n\nOn April 7th the CDN served a certificate without its intermediate.\n');
    expect(noted.coverage.implicit.map((c) => [c.kind, c.span.start.line])).toEqual([['summary', 8]]);
  });

  it('takes two or more lines or headings that open with a time for a timeline, in the forms status pages use', () => {
    const entries = (text: string) => model(text).coverage.implicit.filter((c) => c.kind === 'timeline').map((c) => c.span.start.line);
    expect(entries('## 09:25\n\nFixed.\n\n## 08:10\n\nDown.\n')).toEqual([1]);
    expect(entries('[December 10, 2023 9:54 PM] Maintenance started.\n[December 12, 2023 7:47 AM] Resolved.\n')).toEqual([1]);
    expect(entries('Gegen 12.05 Uhr fiel der Dienst aus.\n\nUm 12.39 Uhr ist er wieder erreichbar.\n')).toEqual([1]);
    expect(entries('**Resolved** {{< track "2018-11-23 23:27:00" >}}\n\n**Investigating** {{< track "2018-11-23 20:01:00" >}}\n')).toEqual([1]);
    expect(entries('### Resolved\n\nDone.\n\nPosted 2 days ago. Mar 04, 2026 - 15:50 UTC\n\n### Investigating\n\nLooking.\n\nPosted 2 days ago. Mar 04, 2026 - 14:21 UTC\n')).toEqual([5]);
    expect(entries('Only one update at 14:02 UTC was posted.\n')).toEqual([]);
    expect(entries('```\n10:00 start\n10:05 end\n```\n')).toEqual([]);
  });

  it('takes a list announced as what will change for the action items, not a list of steps taken', () => {
    const kinds = (text: string) => model(text).coverage.implicit.map((c) => c.kind);
    expect(kinds('## Notes\n\nGoing forward, we will make these changes to avoid a recurrence:\n\n- add an alert\n- add a test\n')).toEqual(['action-items']);
    expect(kinds('## Notes\n\nThe on-call engineer took the following steps:\n\n- restarted the pods\n- drained the queue\n')).toEqual([]);
  });
});

describe('coverage: statements in prose and the genre', () => {
  it('finds a stated cause, an unknown cause and a stated impact, with their sentences', () => {
    const text = 'The outage was caused by an expired certificate. We are still investigating why renewal failed.\n\nUsers were unable to log in.\n';
    expect(model(text).coverage.statements.map((s) => [s.kind, s.text, s.span.start.line])).toEqual([
      ['cause', 'The outage was caused by an expired certificate.', 1],
      ['cause-unknown', 'We are still investigating why renewal failed.', 1],
      ['impact', 'Users were unable to log in.', 3],
    ]);
  });

  it('reads every form of each kind of statement', () => {
    const kinds = (text: string) => model(text).coverage.statements.map((s) => s.kind);
    expect(kinds('The contributing factor was a missing slippage limit.\n')).toEqual(['cause']);
    expect(kinds('Die Ursache war ein abgelaufenes Zertifikat.\n')).toEqual(['cause']);
    expect(kinds('Wire is not vulnerable to CVE-2021-44228.\n')).toEqual(['cause']);
    expect(kinds('We are unsure on the problem at this time.\n')).toEqual(['cause-unknown']);
    expect(kinds('About $7.7 million was taken from the pool.\n')).toEqual(['impact']);
    expect(kinds('12% of requests failed.\n')).toEqual(['impact']);
    expect(kinds('A subset of customers using Storage in West Europe experienced intermittent failures.\n')).toEqual(['impact']);
    expect(kinds('Users saw elevated errors on checkout.\n')).toEqual(['impact']);
    expect(kinds('Checkout failed for 12% of card payments.\n')).toEqual(['impact']);
    expect(kinds('Customers experienced the new checkout flow.\n')).toEqual([]);
    expect(kinds('File sync was unavailable for nearly four hours for customers in US-West.\n')).toEqual(['impact']);
    expect(kinds('The API was down for 40 minutes.\n')).toEqual(['impact']);
    expect(kinds('Pantry and community were unavailable to users.\n')).toEqual(['impact']);
    // A state, a planned window or a part that was never out: no statement.
    expect(kinds('The dashboard is down.\n')).toEqual([]);
    expect(kinds('The replica was down for maintenance.\n')).toEqual([]);
  });

  it('does not take "due to" or "is down" for statements, nor read them in quotations of others', () => {
    expect(model('Due to the holiday, the dashboard is down.\n\n> The root cause was the network.\n').coverage.statements).toEqual([]);
  });

  it('tells a postmortem with titled parts from a narrative', () => {
    expect(model('# X\n\n## Summary\n\nA.\n\n## Timeline\n\n- 10:00 B\n').coverage.genre).toBe('sectioned');
    const post = '# X\n\nThe site was down for an hour after a deploy on Tuesday evening, while the new release rolled out to every region at once.\n\n## Update 1\n\nWe rolled the release back and the site is up again.\n';
    expect(model(post).coverage.genre).toBe('narrative');
    // A few headings and no prose: the parts are expected under titles.
    expect(model('# T\n\n## A\n\n## B\n').coverage.genre).toBe('sectioned');
  });
});

describe('headings that are not sections', () => {
  it('reads a heading written as a field, and a title at any level over the next heading', () => {
    const doc = model('## Incident report for the reward distribution\n\n## Date: December 08, 2022\n\n## Time: 5:13:57 UTC\n\n## Details\n\nText.\n');
    expect(doc.title?.text).toBe('Incident report for the reward distribution');
    expect(doc.sections.map((section) => section.field)).toEqual([
      null,
      { label: 'Date', value: 'December 08, 2022' },
      { label: 'Time', value: '5:13:57 UTC' },
      null,
    ]);
  });

  it('does not take a title with a date in it for a field', () => {
    const doc = model('# Postmortem: checkout outage on 2026-02-03\n\n## Summary\n\nA.\n');
    expect(doc.sections[0]!.field).toBeNull();
    expect(doc.title?.text).toBe('Postmortem: checkout outage on 2026-02-03');
  });

  it('reads the heading right under an empty field heading as its value', () => {
    const doc = model('# Title:\n### Builds failing after the base image upgrade\n\n# Timeline\n\n- 10:00 A\n');
    expect(doc.sections.map((section) => [section.title, section.field?.label ?? null, section.valueOf?.title ?? null])).toEqual([
      ['Title:', 'Title', null],
      ['Builds failing after the base image upgrade', null, 'Title:'],
      ['Timeline', null, null],
    ]);
  });

  it('reads a part kept in the front matter, when its key holds something', () => {
    const document = model('---\nsummary: Logins failed for 20 minutes.\nimpact: ""\naction_items:\n  - title: Add an alert\n    owner: "@ana"\nroot_cause: []\n---\n\n# T\n');
    expect(document.coverage.titled.map((place) => [place.title, place.kinds, place.form, place.span.start.line])).toEqual([
      ['summary', ['summary'], 'label', 2],
      ['action_items', ['action-items'], 'label', 4],
    ]);
  });
});

