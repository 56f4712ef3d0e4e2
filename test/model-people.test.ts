import { describe, expect, it } from 'vitest';
import { PostmortemDocument } from '../src/model/index.js';

function names(text: string): string[] {
  return new PostmortemDocument(text).people.persons.map((person) => `${person.name} (${person.source})`);
}

describe('document.people', () => {
  it('reads people fields from front matter, key lines and field tables, without placeholders or teams', () => {
    const text = [
      '---',
      'commander: Priya Raman',
      'responders: ["@alice", "bob@", "SRE team"]',
      '---',
      '',
      '# Payment queue stalled',
      '',
      '**Authors:** Jo Lee (IC), [Name]',
      '**Reviewed by:** __________',
      '',
      '| Field | Value |',
      '|-------|-------|',
      '| Communications Lead | Dave Brown |',
      '| Severity | SEV-2 |',
    ].join('\n');
    expect(names(text)).toEqual([
      'Priya Raman (metadata)',
      '@alice (metadata)',
      'bob@ (metadata)',
      'Jo Lee (metadata)',
      'Dave Brown (metadata)',
    ]);
  });

  it('reads participant lists, people columns and Name columns beside a Role column', () => {
    const text = [
      '# Cache outage',
      '',
      '## Participants',
      '',
      '- Alice Smith (SRE)',
      '- **Scribe:** Carol White',
      '',
      '## Responders',
      '',
      '| Role | Name | Joined At |',
      '|------|------|-----------|',
      '| IC | Bob Jones | 14:37 |',
      '',
      '## Metrics',
      '',
      '| Name | Value |',
      '|------|-------|',
      '| Error Rate | 12% |',
      '',
      '## Action Items',
      '',
      '| Action | Owner |',
      '|--------|-------|',
      '| Add alert | @sre |',
      '| Document rollback | Dev Team |',
    ].join('\n');
    expect(names(text)).toEqual([
      'Carol White (metadata)',
      'Alice Smith (participants)',
      'Bob Jones (table)',
      '@sre (table)',
    ]);
  });

  it('reads @handles in prose, not in code, e-mail addresses or broadcast mentions', () => {
    const text = 'Paged @alice-b and `@Override` via @channel; mail ops@example.com or @org/team.\n';
    const document = new PostmortemDocument(text);
    expect(document.people.persons.map((person) => person.name)).toEqual(['@alice-b', '@org/team']);
    const [alice] = document.people.persons;
    expect(alice!.span.start).toMatchObject({ line: 1, column: 7 });
    expect(alice!.span.end).toMatchObject({ line: 1, column: 15 });
  });

  it('answers by name word and by handle', () => {
    const document = new PostmortemDocument('**Incident Commander:** Priya Raman\n\nOwner: @alice\n');
    const { people } = document;
    expect(people.isNameWord('Priya')).toBe(true);
    expect(people.isNameWord('Raman')).toBe(true);
    expect(people.isNameWord('priya')).toBe(false);
    expect(people.isHandle('@Alice')).toBe(true);
    expect(people.isHandle('alice@')).toBe(true);
    expect(people.isHandle('bob')).toBe(false);
  });
});
