import { describe, expect, it } from 'vitest';
import { PostmortemDocument } from '../src/model/index.js';
import {
  findBrackets, findEmptyInlineFields, findHeadingMarker, findMasks, findPlaceholderTime, isAnglePlaceholder, isUnknownValue,
  opensWithStatusLabel,
} from '../src/model/text/placeholders.js';
import { isHereValue, isTemplatePrompt, promptStart } from '../src/model/text/template-prompts.js';
import { isTranscript } from '../src/model/text/transcripts.js';
import { expectLinearGrowth } from './helpers/linear.js';

/** The candidates of a document as `line:column-endLine:endColumn kind "text"`. */
function found(markdown: string): string[] {
  const document = new PostmortemDocument(markdown);
  return document.placeholders.found.map((candidate) => {
    const span = document.lines.span(candidate.start, candidate.end);
    return `${span.start.line}:${span.start.column}-${span.end.line}:${span.end.column} ${candidate.kind} ${JSON.stringify(candidate.text)}`;
  });
}

describe('placeholder recognisers', () => {
  it('leaves wiki links, relative offsets and HTTP status classes alone', () => {
    expect(findBrackets('[[ADR-12]] [[Runbooks/Gateway|runbook]] [T+3h] [T-10m] [D+1] [+5m] [Name]').map((match) => match.text)).toEqual(['[Name]']);
    // GitHub and Obsidian callouts: "> [!NOTE]", "> [!warning]-".
    expect(findBrackets('[!NOTE] [!warning]- [!Important] [!] [Owner]').map((match) => match.text)).toEqual(['[!]', '[Owner]']);
    expect(findMasks('5XX and 4XX rates; XX% of 5XX')).toEqual([{ start: 19, end: 22, text: 'XX%' }]);
  });

  it('reads a lone letter as a formula variable when the line has a formula or defines the letter', () => {
    expect(findMasks('1/N requests miss, where N is the number of shards')).toEqual([]);
    expect(findMasks('hit rate < X% over the last Y minutes')).toEqual([]);
    expect(findMasks('where N is the shard count, X users saw errors')).toEqual([]);
    expect(findMasks('X users saw errors; cost $X/month').map((match) => match.text)).toEqual(['X users', '$X/month']);
  });

  it('tells placeholders in angle brackets from HTML', () => {
    for (const html of ['<add name here>', '<Link to the Hangout or recording>', '<insert Slack channel>', '<paste the log here>']) {
      expect(isAnglePlaceholder(html), html).toBe(true);
    }
    for (const html of ['<details open>', '<video controls autoplay>', '<pod>', '<img src="x.png">', '<span class="a">', '<br/>', '<kofi@acme.io>']) {
      expect(isAnglePlaceholder(html), html).toBe(false);
    }
  });

  it('takes one word in angle brackets as a placeholder only as a whole value, when the word names what goes there', () => {
    expect(isAnglePlaceholder('<name>')).toBe(false);
    expect(isAnglePlaceholder('<name>', true)).toBe(true);
    expect(isAnglePlaceholder('<Owner>', true)).toBe(true);
    for (const html of ['<hostname>', '<br>', '<details>', '<pod>']) expect(isAnglePlaceholder(html, true), html).toBe(false);
  });

  it('finds unfinished-work markers in headings, with the title they leave', () => {
    expect(findHeadingMarker('Timeline {WIP}')).toEqual({ start: 9, end: 14, text: '{WIP}', rest: 'Timeline' });
    expect(findHeadingMarker('WIP: Checkout outage')).toMatchObject({ start: 0, end: 4, rest: 'Checkout outage' });
    expect(findHeadingMarker('Session timeout change (in progress)')).toBeNull();
  });

  it('finds a placeholder time after a date, not a word that starts with X', () => {
    expect(findPlaceholderTime('2022-02-02 X: saurik messaged')).toEqual({ start: 11, end: 12, text: 'X' });
    expect(findPlaceholderTime('2/11/2025 ?? - refunds')).toEqual({ start: 10, end: 12, text: '??' });
    expect(findPlaceholderTime('2025-02-12 X-Ray traces exported')).toBeNull();
    expect(findPlaceholderTime('2025-02-11 ~09:3X: first charge')).toBeNull();
  });

  it('finds inline fields left empty after a separator only', () => {
    expect(findEmptyInlineFields('Publish the key (owner=, due=2025-07-01)')).toEqual([{ start: 17, end: 23, text: 'owner=' }]);
    expect(findEmptyInlineFields('Alert on 401s (owner: @ren, due: )')).toEqual([{ start: 28, end: 32, text: 'due:' }]);
    expect(findEmptyInlineFields('We had no ETA:')).toEqual([]);
    expect(findEmptyInlineFields('(owner: @ren, due: 2025-07-01)')).toEqual([]);
  });

  it('knows unknown values and status labels', () => {
    expect(['?', '??', '**?**'].map(isUnknownValue)).toEqual([true, true, true]);
    expect(['???', '? maybe', ''].map(isUnknownValue)).toEqual([false, false, false]);
    expect(['DONE: x', 'IN PROGRESS move logs', 'BLOCKED', 'Done: x', 'DONEX'].map(opensWithStatusLabel)).toEqual([true, true, true, false, false]);
  });
});

describe('template prompts', () => {
  it('recognises questions, instructions, section notes and names of what to write', () => {
    for (const text of ['What caused this situation?', 'Describe the customer impact here.', 'This section provides a detailed analysis.', 'Date/time of discovery', 'date, time, step/event', 'Brief description of the failure', 'Document the timeline below.', 'Briefly describe what happened.', 'Please list the affected services.']) {
      expect(isTemplatePrompt(text, true), text).toBe(true);
    }
    for (const text of ['Is my invoice affected?', 'What should I do?', 'List of fonts is loaded lazily.', 'Document history', 'Using one of the transactions as an example.', 'Add one hour for CEST', 'Note: describe nothing', 'Date of the incident 2025-01-01', 'Links, dashboards and logs', 'Time zone: UTC/CET', 'Please note the new dashboard.', 'Briefly, the cache expired.']) {
      expect(isTemplatePrompt(text, true), text).toBe(false);
    }
    // Questions and names of what to write need a known section.
    expect(isTemplatePrompt('Was any data exposed?', false)).toBe(false);
    expect(isTemplatePrompt('What caused this situation?', false)).toBe(false);
    expect(isTemplatePrompt('Describe the impact.', false)).toBe(true);
  });

  it('starts a prompt at its first instruction', () => {
    const text = 'All times in UTC. Include key events, decisions, and actions.';
    expect(text.slice(promptStart(text))).toBe('Include key events, decisions, and actions.');
    expect(promptStart('What happened? Describe it.')).toBe(0);
  });

  it('reads the prompts of a section past HTML comments, before and after them', () => {
    const document = new PostmortemDocument(
      '# T\n\n## Background\n\n<!-- pm-lint-disable-next-line no-placeholders -->\n_What context is needed to understand this situation?_\n\n## Resolution\n\n_What steps were taken to resolve the issue?_ <!-- fill in -->\n_Date/time of resolution_\n\n## Impact\n\nNone.\n',
    );
    const prompts = document.placeholders.promptParagraphs;
    expect(document.paragraphs.map((paragraph) => prompts.has(paragraph.node))).toEqual([true, true, false]);
    expect(document.sections.map((section) => document.contentOf(section).kind)).toEqual(['empty', 'prompts', 'prompts', 'written']);
  });

  it('recognises values that only say where content goes', () => {
    for (const text of ['Description here', 'Short description here', 'Name goes here', 'Add impact details here', 'your text here.']) expect(isHereValue(text), text).toBe(true);
    for (const text of ['More details here', 'See details here', 'Same here.', 'The description is here: the job waited', 'Description']) expect(isHereValue(text), text).toBe(false);
  });
});

describe('quoted transcripts', () => {
  it('recognises chat and log lines, and two speakers or more', () => {
    expect(isTranscript(['[10:02] dara: I forgot', '[10:03] luis: no worries'])).toBe(true);
    expect(isTranscript(['<dara> is it down?', '<lena> yes'])).toBe(true);
    expect(isTranscript(['2025-03-01T10:02:17Z ERROR upstream reset', '2025-03-01T10:02:18Z WARN retrying'])).toBe(true);
    expect(isTranscript(['**Dara:** he ignored it', '**Luis:** it happens'])).toBe(true);
    expect(isTranscript(['Note: the warning fires twice a day'])).toBe(false);
    expect(isTranscript(['Dara: one line', 'and a second line without a speaker'])).toBe(false);
  });

  it('marks the paragraphs of a transcript block quote', () => {
    const document = new PostmortemDocument('# T\n\n> [10:02] dara: I forgot\n> [10:03] luis: ok\n\n> Note: quoted note\n');
    expect(document.paragraphs.map((paragraph) => [paragraph.quoted, paragraph.transcript])).toEqual([[true, true], [true, false]]);
  });
});

describe('document.placeholders', () => {
  it('reads the empty rows of a field table beside a filled one, in time linear in the rows', () => {
    // The filled row last: a search for it from every empty row would cross them all.
    const table = (rows: number) => ['# X', '', '| Question | Answer |', '|---|---|', ...Array.from({ length: rows }, (_, i) => `| Q${i}? | |`), '| Last? | yes |', ''].join('\n');
    expect(found(table(2))).toEqual(['5:3-5:6 emptyField "Q0?"', '6:3-6:6 emptyField "Q1?"']);
    expect(found('# X\n\n| Question | Answer |\n|---|---|\n| First? | |\n| Second? | |\n')).toEqual([]);
    expectLinearGrowth(
      (document) => document.placeholders,
      'empty field-table rows',
      (scale) => new PostmortemDocument(table(2_000 * scale)),
    );
  });

  it('finds every candidate once, with its kind, span and text', () => {
    const markdown = [
      '---',
      'tags: [security]',
      'authors: [Name]',
      '---',
      '# Postmortem: [Incident Title]',
      '',
      'Owner: @ren',
      'Involved:',
      'Severity: SEV-1 | SEV-2',
      'Time to mitigation: ?',
      'Author: [Priya Raman]',
      '',
      '## Timeline {WIP}',
      '',
      '- 2025-02-11 X: first report, XX% of checkouts failing',
      '- Fix it (owner=, due=2025-03-01) TBD',
      '- See <add link here> and https://grafana.example.com/d/x',
      '',
      '## Impact',
      '_Describe the customer impact._',
      '',
      'Cost: $_____ and [the dashboard](https://example.org/d).',
      '',
      '> [10:02] dara: TBD, XX% failing',
      '> [10:03] luis: ok',
      '',
    ].join('\n');
    expect(found(markdown)).toEqual([
      '3:10-3:16 bracket "[Name]"',
      '5:15-5:31 bracket "[Incident Title]"',
      '8:1-8:10 emptyField "Involved:"',
      '9:11-9:24 choice "SEV-1 | SEV-2"',
      '10:21-10:22 marker "?"',
      '13:13-13:18 marker "{WIP}"',
      '15:14-15:15 mask "X"',
      '15:31-15:34 mask "XX%"',
      '16:11-16:17 emptyField "owner="',
      '16:35-16:38 marker "TBD"',
      '17:7-17:22 bracket "<add link here>"',
      '17:27-17:58 exampleDomain "https://grafana.example.com/d/x"',
      '20:2-20:31 instruction "Describe the customer impact."',
      '22:7-22:13 blank "$_____"',
      '22:18-22:56 exampleDomain "https://example.org/d"',
    ]);
  });

  it('leaves a marker inside a quotation of someone\'s words, not a quoted marker alone', () => {
    expect(found('# X\n\n- 15:55 on-call posts: "TBD whether we roll back, checking graphs"\n- Root cause: "TBD"\n- The ticket said “TBC by Friday”.\n')).toEqual([
      '4:16-4:19 marker "TBD"',
    ]);
  });

  it('gives the prose blocks and the label lines the rule reads', () => {
    const document = new PostmortemDocument('# T\n\n**Example:**\n> quoted\n\n| A |\n|---|\n| b |\n\n> [10:02] a: x\n> [10:03] b: y\n');
    const { prose, labelLines } = document.placeholders;
    expect(prose.map((block) => [block.kind, block.view.text, block.transcript])).toEqual([
      ['paragraph', 'Example:', false],
      ['paragraph', 'quoted', false],
      ['paragraph', '[10:02] a: x\n[10:03] b: y', true],
      ['heading', 'T', false],
      ['cell', 'A', false],
      ['cell', 'b', false],
    ]);
    expect(labelLines.map((line) => [line.text, document.text.slice(line.start, line.end)])).toEqual([['Example', '**Example:**']]);
  });

  it('lists links, images and definitions with their whole span', () => {
    const document = new PostmortemDocument('# T\n\nSee [a](https://x.io) ![b](c.png) [d][e] `[f](g)`\n\n[e]: https://y.io\n');
    expect(document.links.map((link) => [link.kind, link.url, link.identifier, document.text.slice(link.span.start.offset, link.span.end.offset)])).toEqual([
      ['link', 'https://x.io', null, '[a](https://x.io)'],
      ['image', 'c.png', null, '![b](c.png)'],
      ['linkReference', null, 'e', '[d][e]'],
      ['definition', 'https://y.io', 'e', '[e]: https://y.io'],
    ]);
  });
});

describe('TextView.indexAt', () => {
  it('maps a source offset back to the view, past Markdown the view leaves out', () => {
    const document = new PostmortemDocument('# T\n\n**Root Cause:** Day shift engineers changed it.\n');
    const view = document.textOf(document.paragraphs[0]!.node);
    const offset = document.text.indexOf('Day');
    expect(view.text.slice(view.indexAt(offset))).toBe('Day shift engineers changed it.');
    expect(view.indexAt(document.text.indexOf('Cause'))).toBe(5);
    expect(view.indexAt(document.text.length)).toBe(view.text.length);
  });
});
