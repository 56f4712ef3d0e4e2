import { basename } from 'node:path';
import { findDates, isRealDate, parseDate, type CalendarDate, type DateMatch } from '../text/dates.js';
import type { Field, Span } from './types.js';
import type { LineIndex } from '../parse/positions.js';
import type { Metadata } from './metadata.js';

/** A statement of the incident's date: in metadata, in the title, or in the file name. */
export interface IncidentDateSource {
  source: 'metadata' | 'title' | 'file-name';
  date: CalendarDate;
  valid: boolean;
  text: string;
  /** Where it is written (none for the file name). */
  span: Span | null;
  field?: Field;
}

/** A compact date in a file name: 20210305_blankbiosample.md. */
const COMPACT = /(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/;

export function incidentDateSources(
  metadata: Metadata,
  title: { span: Span } | null,
  path: string | undefined,
  lines: LineIndex,
): IncidentDateSource[] {
  const sources: IncidentDateSource[] = [];
  const field = metadata.get('date') ?? metadata.get('startTime');
  if (field) {
    const match = parseDate(field.value) ?? findDates(field.value)[0] ?? null;
    if (match && match.date.year !== null) {
      sources.push({ source: 'metadata', date: match.date, valid: match.valid, text: match.text, span: field.span, field });
    }
  }
  if (title) {
    const source = lines.text.slice(title.span.start.offset, title.span.end.offset);
    const match = findDates(source).find((candidate) => candidate.date.year !== null);
    if (match) {
      const start = title.span.start.offset + match.start;
      sources.push({ source: 'title', date: match.date, valid: match.valid, text: match.text, span: lines.span(start, start + match.text.length) });
    }
  }
  if (path) {
    const name = basename(path);
    const match: DateMatch | undefined = findDates(name, ['iso']).find((candidate) => candidate.date.year !== null);
    if (match) sources.push({ source: 'file-name', date: match.date, valid: match.valid, text: match.text, span: null });
    else {
      const compact = COMPACT.exec(name);
      if (compact) {
        const date = { year: Number(compact[1]), month: Number(compact[2]), day: Number(compact[3]) };
        if (isRealDate(date)) sources.push({ source: 'file-name', date, valid: true, text: compact[0], span: null });
      }
    }
  }
  return sources;
}
