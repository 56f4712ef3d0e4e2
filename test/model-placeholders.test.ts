import { describe, expect, it } from 'vitest';
import {
  choiceAlternatives, exampleHost, findBlanks, findBrackets, findCheckboxGroups, findMarkers, findMasks, findTemplateVariables, isTemplateVariable, isUnfilledValue,
} from '../src/model/text/placeholders.js';
import { expectLinearGrowth } from './helpers/linear.js';

describe('placeholders', () => {
  it('tells template brackets from other brackets', () => {
    const found = findBrackets('[Name] [Link to logs] [INCIDENT-ID] [CVE-2021-44228] [1] [sic] [ ] [x] [^1] [08:47] [???] [Public]');
    expect(found.map((match) => [match.text, match.telling])).toEqual([
      ['[Name]', true],
      ['[Link to logs]', true],
      ['[INCIDENT-ID]', true],
      ['[CVE-2021-44228]', false],
      ['[Public]', false],
    ]);
    expect(findBrackets('[Sev1/Sev2/Sev3] [text](https://x.io) [ref][1]').map((match) => match.kind)).toEqual(['choice']);
  });

  it('finds masks as whole tokens and merges adjacent ones', () => {
    expect(findMasks('INC-YYYY-MM-DD-XXX at YYYY-MM-DD HH:MM UTC, X hours Y minutes, XX%, $X, $XX,XXX.').map((m) => m.text)).toEqual([
      'INC-YYYY-MM-DD-XXX', 'YYYY-MM-DD HH:MM', 'X hours Y minutes', 'XX%', '$X', '$XX,XXX',
    ]);
    expect(findMasks('8.6 MB/s = X requests/s * Y MB; at 2X:XX; X-Ray; XXL; Service X; XXX')).toEqual([]);
    // Redacted on purpose, not left to fill; a date with XX for its month or day is a mask.
    expect(findMasks('account ending in 4XXX, SSN XXX-XX-1234, 5XX errors')).toEqual([]);
    expect(findMasks('on 2026-XX-XX').map((m) => m.text)).toEqual(['2026-XX-XX']);
  });

  it('tells a format legend from a mask left to fill', () => {
    // A legend says how a value is written: beside a label or a value, after "as" or "format".
    for (const legend of [
      'Duration: 1:23 (hh:mm)', 'Time (HH:MM)', 'Start (YYYY-MM-DD HH:MM UTC): 2026-09-07 12:02', 'End: 2026-09-07 13:25 (YYYY-MM-DD HH:MM)',
      'Dates below are written as DD/MM/YYYY: 07/09/2026.', 'Date format: YYYY-MM-DD', 'due dates in YYYY-MM-DD format', 'All times in HH:MM UTC',
    ]) {
      expect(findMasks(legend), legend).toEqual([]);
    }
    // Where the value goes, it is a mask, in parentheses or not; X stands for a number.
    expect(findMasks('Date: (YYYY-MM-DD)').map((m) => m.text)).toEqual(['YYYY-MM-DD']);
    expect(findMasks('Detected at (HH:MM)').map((m) => m.text)).toEqual(['HH:MM']);
    expect(findMasks('- (HH:MM) Event').map((m) => m.text)).toEqual(['HH:MM']);
    expect(findMasks('Resolved in XX minutes (XX%)').map((m) => m.text)).toEqual(['XX', 'XX%']);
    expect(findMasks('| 2024-03-13 HH:mm |').map((m) => m.text)).toEqual(['HH:mm']);
  });

  it('finds filler text and links never put in', () => {
    expect(findMarkers('Lorem ipsum dolor sit amet. See the dashboard (link) and the runbook (URL).').map((m) => m.text)).toEqual([
      'Lorem ipsum', '(link)', '(URL)',
    ]);
    expect(findMarkers('the (linked) issue, loremipsum.js, a (link to the PR)')).toEqual([]);
  });

  it('finds variables of template engines, not Go templates, Helm or Hugo', () => {
    expect(findTemplateVariables('# {{incident_title}} on {{ incident.date }}: {{ Describe it }} <OWNER_NAME>').map((m) => m.text)).toEqual([
      '{{incident_title}}', '{{ incident.date }}', '{{ Describe it }}', '<OWNER_NAME>',
    ]);
    // What a blog's or a docs site's generator fills in when it builds the page is not left unfilled.
    expect(findTemplateVariables("[updates]({{ site.baseurl }}/status), {{ page.date | date: '%B' }}, {{ '/x' | relative_url }}, {{ config.site_url }}, {{ content }}")).toEqual([]);
    expect(findTemplateVariables('{{ site_name }} {{ pages_affected }}').map((m) => m.text)).toEqual(['{{ site_name }}', '{{ pages_affected }}']);
    expect(findTemplateVariables('{{ .Values.replicas }} {{- if .x }} {{< track "x" >}} {{% note %}} {{ end }} <DIV> {{ 42 }} <REDACTED_TOKEN> <CUSTOMER_NAME_REMOVED>')).toEqual([]);
    for (const value of ['${INCIDENT_DATE}', '%SEVERITY%', '{customer_impact}', ' {owner} ', '<LEAD_NAME>']) expect(isTemplateVariable(value), value).toBe(true);
    for (const value of ['{TITAN}', '{BLOXROUTE_MAXPROFIT,TITAN}', '$5', '50%', '{a, b}']) expect(isTemplateVariable(value), value).toBe(false);
  });

  it('finds blanks with their unit', () => {
    expect(findBlanks('$__________ (est.) and _____% and __init__').map((m) => m.text)).toEqual(['$__________', '_____%']);
  });

  it('recognises choices where one value is expected', () => {
    expect(choiceAlternatives('SEV-1 | SEV-2 | SEV-3')).toEqual(['SEV-1', 'SEV-2', 'SEV-3']);
    expect(choiceAlternatives('Open/In Progress/Done')).toEqual(['Open', 'In Progress', 'Done']);
    expect(choiceAlternatives('Yes/No - details')).toEqual(['Yes', 'No']);
    expect(choiceAlternatives('P0-P3')).toEqual(['P0-P3']);
    expect(choiceAlternatives('SRE/Platform')).toBeNull();
    expect(choiceAlternatives('SRE/Platform', true)).toEqual(['SRE', 'Platform']);
    expect(choiceAlternatives('SEV-2')).toBeNull();
    expect(choiceAlternatives('N/A', true)).toBeNull();
    expect(choiceAlternatives('n/a', true)).toBeNull();
    expect(choiceAlternatives('A/B', true)).toBeNull();
    expect(choiceAlternatives('Y/N')).toEqual(['Y', 'N']);
  });

  it('counts ticked boxes per line', () => {
    expect(findCheckboxGroups('[ ] P0 [x] P1 [ ] P2\n[ ] A [ ] B')).toMatchObject([
      { text: '[ ] P0 [x] P1 [ ] P2', boxes: 3, ticked: 1 },
      { text: '[ ] A [ ] B', boxes: 2, ticked: 0 },
    ]);
    // The task box of a list item counts as the first box of its first line.
    expect(findCheckboxGroups('P0 [x] P1', true)).toMatchObject([{ start: 0, boxes: 2, ticked: 2 }]);
    expect(findCheckboxGroups('[ ] only one box')).toEqual([]);
  });

  it('finds markers in prose but not inside words or timeline brackets', () => {
    expect(findMarkers('Owner TBD, is ?????\nTODO: graphs\n[???] What??? TBDs XXX-1 XXX').map((m) => m.text)).toEqual([
      'TBD', '?????', 'TODO', 'XXX',
    ]);
    expect(findMarkers('TODO(ana): fill in after the RCA\nFIXME(@ben)\nTODO(s) for the week: none\nTODO list').map((m) => m.text)).toEqual(['TODO(ana)', 'FIXME(@ben)']);
    // After a dash, as a timeline entry's text, with its colon: not a status ("Status — TODO") nor a word in a name.
    const entries = '10:40 — FIXME: check when the rollback ended\n- Rollback - TODO(ana): the time\nStatus — TODO\nsee my-TODO: list';
    expect(findMarkers(entries).map((m) => [m.start, m.text])).toEqual([[8, 'FIXME'], [58, 'TODO(ana)']]);
  });

  it('knows the reserved example domains', () => {
    expect(exampleHost('https://grafana.example.com/d/x')).toBe('grafana.example.com');
    expect(exampleHost('mailto:oncall@example.net')).toBe('example.net');
    expect(exampleHost('https://example.org')).toBe('example.org');
    expect(exampleHost('https://api.partner-example.com')).toBeNull();
    expect(exampleHost('https://example.com.evil.io')).toBeNull();
  });

  it('tells values that hold unfilled template text', () => {
    for (const value of ['[Sev1/Sev2/Sev3]', 'YYYY-MM-DD', '__________', 'TBD', '[ ] P0 [ ] P1', '[Name(s)]', '**[Draft/Review/Published]**', 'YYYY-MM-DD HH:MM UTC', '__________ (estimated)']) {
      expect(isUnfilledValue(value), value).toBe(true);
    }
    for (const value of ['SEV-2', '2026-02-30', 'Draft', 'Dana Kim', '']) expect(isUnfilledValue(value), value).toBe(false);
  });

  it('stays linear on adversarial lines', () => {
    const lines = (n: number) => [
      '['.repeat(n), `${'_'.repeat(2 * n)}x`, 'X'.repeat(2 * n), `${'Y'.repeat(2 * n)}%`, 'a/'.repeat(n), `https://${'a'.repeat(2 * n)}`,
      // Format legends: parentheses, open ones and "as" around many masks.
      'Time (HH:MM) '.repeat(n / 8), '(HH:MM x '.repeat(n / 8), 'as HH:MM x '.repeat(n / 8), 'Lorem ipsum (link) '.repeat(n / 8),
      // Template variables: unclosed, and long names.
      '{{ a '.repeat(n / 4), `<A${'_B'.repeat(n)}`, '<A_B'.repeat(n / 2),
    ];
    for (const [index, line] of lines(12_500).entries()) {
      expectLinearGrowth((scale) => {
        const text = lines(12_500 * scale)[index]!;
        findBrackets(text);
        findMasks(text);
        findBlanks(text);
        findMarkers(text);
        findTemplateVariables(text);
        choiceAlternatives(text, true);
      }, line.slice(0, 12));
    }
  });
});
