/**
 * Where a document states the incident's date: metadata (front matter, `**Date:**` lines,
 * field tables), a `## Date` heading (`## Date: 15 December 2022`, or `## Date` with the
 * date on the next line), the title (the H1, else the front matter's title), a dated lead
 * sentence ("On 3 November, …", "On Tuesday, 2023-01-04, …"), and the file name
 * (`2026-03-12-…`, `20210305_…`, `11-15-2023-…`, `…_16_dec`).
 *
 * A file name's date is not the incident's where the document makes that plain: it is
 * after the end the document states (`resolvedWhen`, `End:`), the file is a blog post
 * (`_posts/`, `blog/`), the name ties the date to another event (`…patch_fix_07_Feb`,
 * `published-2024-01-02-…`), it is the date a field gives the write-up ("Report date",
 * "Published", "Last updated"), or it is the publication date the front matter gives. A
 * front matter `date:` 1 to 60 days after the date the title or lead sentence states is
 * the post's publication, not the incident's.
 */
import { basename } from 'node:path';
import type { PostmortemDocument } from '../document.js';
import {
  dayNumber, findDates, isRealDate, parseDate, type CalendarDate, type DateMatch, type NumericOrder,
} from '../text/dates.js';
import { normalizeText } from '../text/normalize.js';
import type { Field, ParagraphModel, Span } from './types.js';

export type IncidentDateSourceKind = 'metadata' | 'date-heading' | 'title' | 'lead-sentence' | 'file-name';

/** A statement of the incident's date. */
export interface IncidentDateSource {
  source: IncidentDateSourceKind;
  date: CalendarDate;
  valid: boolean;
  text: string;
  /** Where it is written (none for the file name). */
  span: Span | null;
  field?: Field;
  /** The last day of a range ("On June 14-15"), when the source states one. */
  until?: CalendarDate;
  /** The other reading of an ambiguous numeric date (03-10-2021) when the document's order is not known. */
  alternative?: CalendarDate;
  /** Whether the year was taken from another source ("On 3 November"). */
  yearFromElsewhere?: boolean;
}

/** What a file name's date is, when it is not the incident's. */
export interface FileNameDate {
  date: CalendarDate;
  text: string;
  /** Why the document shows it is not the incident's date: "after the stated end (line 5)", "a blog post". */
  notIncident: string;
}

/** A compact date in a file name: 20210305_blankbiosample.md. */
const COMPACT = /(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/;
/** "11-15-2023-api.md", "8-15-2023.md": a numeric date with a four-digit year. */
const NUMERIC_IN_NAME = /(?<![\d])(\d{1,2})[-._](\d{1,2})[-._](\d{4})(?!\d)/;
/** "patch_fix_16_dec", "outage-7-feb": a day and a month name, no year. */
const DAY_MONTH_IN_NAME = /(?<![\d])(\d{1,2})[-_ ](jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*(?![a-z])/i;
/** Words that tie a file name's date to another event than the incident. */
const OTHER_EVENT = /(?:^|[-_ .])(?:fix|patch|hotfix|release|released|published|publish|publication|update|updated|review|reviewed|retro|retrospective|meeting|written)[-_ .]*$/i;
const BLOG_PATH = /(?:^|[/\\])(?:_posts|blog|posts|news)[/\\]/i;
/** `  date: '2024-11-19',` in an exported object of an MDX page: a property in code, not a metadata line. */
const CODE_PROPERTY = /^\s*(['"]).*\1\s*,\s*$/;
const MONTH_NUMBERS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
/** "On 3 November, …", "On Tuesday, 2023-01-04, …", "On June 14-15, 2025, …". */
const LEAD = /^On[ \t]+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \t]+)?/;
const DATE_HEADING = /^(?:incident[ \t]+)?date[ \t]*(?:[:–—-][ \t]*(.+))?$/i;

export function incidentDateSources(document: PostmortemDocument, order: NumericOrder | null): IncidentDateSource[] {
  const sources: IncidentDateSource[] = [];
  const withAlternative = (match: DateMatch): Pick<IncidentDateSource, 'alternative'> => {
    if ((match.format !== 'us' && match.format !== 'eu') || order !== null) return {};
    const { day, month, year } = match.date;
    return day <= 12 && day !== month ? { alternative: { year, month: day, day: month } } : {};
  };

  const field = [...document.metadata.all('date'), ...document.metadata.all('startTime')].find((candidate) => !CODE_PROPERTY.test(candidate.raw)) ?? null;
  if (field) {
    const match = dateOfValue(field.value, order);
    if (match && match.date.year !== null) {
      sources.push({ source: 'metadata', date: match.date, valid: match.valid, text: match.text, span: field.span, field, ...withAlternative(match) });
    }
  }

  for (const section of document.sections) {
    const heading = DATE_HEADING.exec(section.title);
    if (!heading) continue;
    const view = heading[1] ? document.textOf(section.heading) : null;
    let match: DateMatch | null = null;
    let span: Span | null = null;
    if (view) {
      const at = view.text.indexOf(heading[1]!);
      const found = findDates(heading[1]!, undefined, order).find((candidate) => candidate.date.year !== null);
      if (found && at >= 0) {
        match = found;
        span = document.lines.span(view.offset(at + found.start), view.offset(at + found.end - 1) + 1);
      }
    } else {
      const first = section.content.find((node) => node.type === 'paragraph');
      const paragraph = first ? document.paragraphs.find((candidate) => candidate.node === first) : undefined;
      const line = paragraph ? document.textOf(paragraph.node).lines()[0] : undefined;
      const found = line ? parseDate(line.text.replace(/[*_]/g, ' '), undefined, order) : null;
      if (line && found && found.date.year !== null) {
        const dates = findDates(line.text, undefined, order);
        const exact = dates.find((candidate) => candidate.text === found.text) ?? null;
        match = found;
        span = exact ? document.lines.span(line.offset(exact.start), line.offset(exact.end - 1) + 1) : paragraph!.span;
      }
    }
    if (match) sources.push({ source: 'date-heading', date: match.date, valid: match.valid, text: match.text, span, ...withAlternative(match) });
    break;
  }

  const title = document.title
    ? { text: document.text.slice(document.title.span.start.offset, document.title.span.end.offset), start: document.title.span.start.offset, field: null }
    : titleField(document);
  if (title) {
    const match = findDates(title.text, undefined, order).find((candidate) => candidate.date.year !== null);
    if (match) {
      const span = title.field ? title.field.span : document.lines.span(title.start + match.start, title.start + match.end);
      sources.push({ source: 'title', date: match.date, valid: match.valid, text: match.text, span, ...withAlternative(match) });
    }
  }

  const lead = leadSentence(document, order);
  const fileName = document.path ? fileNameDate(basename(document.path), order) : null;
  const withYear = sources.find((source) => source.valid)?.date ?? fileName?.date ?? null;
  if (lead) {
    let date = lead.match.date;
    let until = lead.until;
    const yearFromElsewhere = date.year === null;
    if (date.year === null) {
      if (!withYear || withYear.year === null) date = { ...date };
      else date = nearestYear(date, withYear);
      if (until && date.year !== null) until = { ...until, year: date.year };
    }
    if (date.year !== null) {
      sources.push({
        source: 'lead-sentence', date, valid: isRealDate(date), text: lead.match.text, span: lead.span,
        ...(until ? { until } : {}), ...(yearFromElsewhere ? { yearFromElsewhere } : {}), ...withAlternative(lead.match),
      });
    }
  }

  // A front matter `date:` a few days after the date the text states is when the write-up was published.
  const published = publicationDate(sources);
  if (published) sources.splice(sources.indexOf(published), 1);
  if (fileName && !fileNameIsNotIncident(document, fileName, order, published?.date ?? null)) {
    let date = fileName.date;
    if (date.year === null) {
      const other = sources.find((source) => source.valid && !source.yearFromElsewhere)?.date;
      if (other) date = nearestYear(date, other);
    }
    if (date.year !== null) {
      sources.push({ source: 'file-name', date, valid: isRealDate(date), text: fileName.text, span: null, ...(fileName.alternative ? { alternative: fileName.alternative } : {}) });
    }
  }
  return sources;
}

/**
 * Why a file name's date is not the incident's, or null when nothing says so; exported
 * so that a rule can say why it left a file name alone.
 */
export function fileNameIsNotIncident(
  document: PostmortemDocument,
  name: { date: CalendarDate; otherEvent: boolean },
  order: NumericOrder | null,
  published: CalendarDate | null = null,
): string | null {
  if (name.otherEvent) return 'the name ties the date to another event';
  if (published && name.date.year !== null && dayNumber(name.date) === dayNumber(published)) return 'the date the front matter gives the post, published after the incident';
  if (document.path && BLOG_PATH.test(document.path)) return 'a blog post, dated when it was published';
  if (isBlogPost(document)) return 'a blog post (its front matter names a layout or authors and tags), dated when it was published';
  const writeUp = writeUpDateField(document, name.date, order);
  if (writeUp) return `the date the document gives its write-up ("${writeUp.label}", line ${writeUp.span.start.line})`;
  const said = publicationStated(document, name.date, order);
  if (said) return `the date the document says it was published ("${said}")`;
  const end = statedEnd(document);
  const endDate = end ? dateOfValue(end.value, order) : null;
  if (endDate && endDate.valid && endDate.date.year !== null && name.date.year !== null && dayNumber(name.date) > dayNumber(endDate.date)) {
    return `after the end the document states (line ${end!.span.start.line})`;
  }
  return null;
}

/** The date a field's value states: the whole value, else the first date in it with a year ("2026-03-02 (Monday)"). */
function dateOfValue(value: string, order: NumericOrder | null): DateMatch | null {
  return parseDate(value, undefined, order) ?? findDates(value, undefined, order).find((candidate) => candidate.date.year !== null) ?? null;
}

/** Labels of the write-up's own dates: when it was reported, published, reviewed or updated. */
const WRITE_UP_DATE_LABEL =
  /^(?:(?:postmortem|post mortem|incident|rca) )?(?:report|write ?up|review|retro|retrospective|document|publication|analysis|meeting)(?: date)?$|^date (?:of (?:the )?)?(?:report|publication|review|write ?up|meeting)$|^(?:published|written|created|last updated|updated|last modified|last reviewed|reviewed)(?: on| at| date)?$/;

/** A field that dates the write-up ("Report date: 10 September 2026") with the file name's date. */
function writeUpDateField(document: PostmortemDocument, date: CalendarDate, order: NumericOrder | null): Field | undefined {
  if (date.year === null) return undefined;
  return document.fields.find((field) => {
    if (!WRITE_UP_DATE_LABEL.test(normalizeText(field.label))) return false;
    const stated = dateOfValue(field.value, order);
    return stated?.valid === true && stated.date.year !== null && dayNumber(stated.date) === dayNumber(date);
  });
}

/** Words that say a date is the write-up's, right before it: "(published 2026-03-20)", "*Posted on March 20, 2026*". */
const PUBLISHED_BEFORE = /\b(?:published|posted|written|updated|report(?:ed)?|publication date)\b(?: on)?[ \t:,]*$/i;

/**
 * Where the title, or a line between it and the first section, says the write-up was
 * published, posted or updated on the file name's date: the phrase as written, else null.
 */
function publicationStated(document: PostmortemDocument, date: CalendarDate, order: NumericOrder | null): string | null {
  if (date.year === null) return null;
  const title = document.title;
  const texts = [title?.text ?? ''];
  for (const paragraph of document.paragraphs) {
    if (paragraph.section !== null && paragraph.section.heading !== title?.heading) break;
    if (!paragraph.quoted && paragraph.listItem === null) texts.push(paragraph.text);
  }
  for (const text of texts) {
    for (const match of findDates(text, undefined, order)) {
      if (!match.valid || match.date.year === null || dayNumber(match.date) !== dayNumber(date)) continue;
      const before = text.slice(Math.max(0, match.start - 30), match.start);
      const word = PUBLISHED_BEFORE.exec(before);
      if (word) return `${before.slice(word.index)}${match.text}`;
    }
  }
  return null;
}

/** The most days after the incident a write-up's front matter `date:` is read as its publication. */
const PUBLISHED_WITHIN_DAYS = 60;

/**
 * The front matter's `date:` when it is the write-up's publication, not the incident's:
 * 1 to 60 days after the date the title or lead sentence states ("On November 14, …" in a
 * post dated 2026-11-20), as static-site posts are dated. Null otherwise.
 */
function publicationDate(sources: IncidentDateSource[]): IncidentDateSource | null {
  const metadata = sources.find((source) => source.source === 'metadata');
  if (!metadata?.valid || metadata.field?.source !== 'front-matter' || metadata.field.label.toLowerCase() !== 'date') return null;
  const stated = sources.find((source) => (source.source === 'title' || source.source === 'lead-sentence') && source.valid);
  if (!stated) return null;
  const days = dayNumber(metadata.date) - dayNumber(stated.until ?? stated.date);
  return days >= 1 && days <= PUBLISHED_WITHIN_DAYS ? metadata : null;
}

interface NameDate {
  date: CalendarDate;
  text: string;
  alternative?: CalendarDate;
  /** The name ties the date to another event ("patch_fix_07_Feb"). */
  otherEvent: boolean;
}

/** The date a file name holds, if any. */
export function fileNameDate(name: string, order: NumericOrder | null): NameDate | null {
  const before = (index: number) => OTHER_EVENT.test(name.slice(0, index));
  const iso = findDates(name, ['iso']).find((candidate) => candidate.date.year !== null);
  if (iso) return { date: iso.date, text: iso.text, otherEvent: before(iso.start) };
  const compact = COMPACT.exec(name);
  if (compact) {
    const date = { year: Number(compact[1]), month: Number(compact[2]), day: Number(compact[3]) };
    if (isRealDate(date)) return { date, text: compact[0], otherEvent: before(compact.index) };
  }
  const numeric = NUMERIC_IN_NAME.exec(name);
  if (numeric) {
    const first = Number(numeric[1]);
    const second = Number(numeric[2]);
    const year = Number(numeric[3]);
    const dayFirst = first > 12 || (order === 'dmy' && second <= 12);
    const date = dayFirst ? { year, month: second, day: first } : { year, month: first, day: second };
    if (!isRealDate(date)) return null;
    const ambiguous = order === null && first <= 12 && second <= 12 && first !== second;
    return { date, text: numeric[0], otherEvent: before(numeric.index), ...(ambiguous ? { alternative: { year, month: second, day: first } } : {}) };
  }
  const dayMonth = DAY_MONTH_IN_NAME.exec(name);
  if (dayMonth) {
    const date = { year: null, month: MONTH_NUMBERS[dayMonth[2]!.toLowerCase()]!, day: Number(dayMonth[1]) };
    if (isRealDate(date)) return { date, text: dayMonth[0], otherEvent: before(dayMonth.index) };
  }
  return null;
}

/** Front matter of a blog post (Jekyll, Hugo, Docusaurus): `layout: post`, or authors with tags or categories. */
function isBlogPost(document: PostmortemDocument): boolean {
  const data = document.frontMatter?.data;
  if (!data) return false;
  if (typeof data.layout === 'string' && /post/i.test(data.layout)) return true;
  return ('author' in data || 'authors' in data) && ('tags' in data || 'categories' in data);
}

/** The front matter's title, when there is no H1 title. */
function titleField(document: PostmortemDocument): { text: string; start: number; field: Field } | null {
  const field = document.metadata.all('title').find((candidate) => candidate.source === 'front-matter');
  return field ? { text: field.value, start: field.span.start.offset, field } : null;
}

/**
 * A dated lead sentence: the first paragraph of prose before the first section (after
 * the title), or the first of a summary section, when it begins "On <date>".
 */
function leadSentence(document: PostmortemDocument, order: NumericOrder | null): { match: DateMatch; span: Span; until?: CalendarDate } | null {
  const firstSection = document.sections.find((section) => !document.title || section.heading !== document.title.heading);
  const summary = document.sections.find((section) => section.kinds.includes('summary'));
  const prose = (paragraph: ParagraphModel) => !paragraph.quoted && paragraph.listItem === null && paragraph.text.trim().split(/\s+/, 5).length === 5;
  let beforeSections: ParagraphModel | undefined;
  let inSummary: ParagraphModel | undefined;
  for (const paragraph of document.paragraphs) {
    const before = !firstSection || paragraph.span.start.offset < firstSection.extent.start;
    if (!before && (!summary || paragraph.span.start.offset >= summary.extent.end)) break;
    if (before && !beforeSections && prose(paragraph)) beforeSections = paragraph;
    if (summary && paragraph.section === summary && !inSummary && prose(paragraph)) inSummary = paragraph;
  }
  for (const paragraph of [beforeSections, inSummary]) {
    if (!paragraph || !/^\s*On\s/.test(paragraph.text)) continue;
    const view = document.textOf(paragraph.node);
    const lead = LEAD.exec(view.text);
    if (!lead) continue;
    const rest = view.text.slice(lead[0].length, lead[0].length + 60);
    const [match] = findDates(rest, undefined, order);
    if (!match || match.start !== 0) continue;
    const at = lead[0].length;
    const range = /^[ \t]*[-–][ \t]*(\d{1,2})\b/.exec(rest.slice(match.end));
    const until = range ? { ...match.date, day: Number(range[1]) } : undefined;
    const span = document.lines.span(view.offset(at + match.start), view.offset(at + match.end - 1) + 1);
    return { match, span, ...(until && isRealDate(until) ? { until } : {}) };
  }
  return null;
}

/** A date without a year, given the year that puts it within six months of another date. */
export function nearestYear(date: CalendarDate, near: CalendarDate): CalendarDate {
  if (near.year === null) return date;
  let best = { ...date, year: near.year };
  for (const year of [near.year - 1, near.year + 1]) {
    const candidate = { ...date, year };
    if (Math.abs(dayNumber(candidate) - dayNumber(near)) < Math.abs(dayNumber(best) - dayNumber(near))) best = candidate;
  }
  return best;
}

/** The end of the incident the metadata states: `End:`, `Resolved at:`, a status page's `resolvedWhen`. */
export function statedEnd(document: PostmortemDocument): Field | undefined {
  return document.metadata.get('endTime') ?? document.metadata.get('resolvedwhen');
}
