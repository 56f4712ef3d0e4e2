/**
 * A status-page incident (the cState form that teams publish with Hugo: front matter
 * `date` and `resolvedWhen`, and updates stamped by `{{< track "2019-09-29 21:45:00" >}}`
 * or written as lines and headings that begin with a date and a time). The updates are
 * posted while the incident runs, so none can come before its start, and the one that
 * says it is resolved is stamped at its end.
 */
import type { PostmortemDocument } from '../document.js';
import type { Span } from '../parse/positions.js';
import type { NumericOrder } from '../text/dates.js';
import { instantOf, momentOf, parseTimestamp } from '../text/times.js';
import { milestoneStatements } from './milestones.js';
import type { Field } from './types.js';

export interface StatusMoment {
  /** Seconds since 1970 on the clock as written (UTC when `zoned`). */
  instant: number;
  /** Whether a zone or offset is written (`Z`, `+02:00`). */
  zoned: boolean;
  text: string;
  span: Span;
}

export interface StatusUpdate extends StatusMoment {
  /** What the update says. */
  says: string;
  /** It says the incident is resolved ("The issue has been resolved", "behoben"), without "will" or "once". */
  resolved: boolean;
  /** It announces planned work ("scheduled maintenance", "will be"), not the incident. */
  scheduled: boolean;
}

export interface StatusPage {
  start: StatusMoment & { field: Field };
  end: StatusMoment & { field: Field };
  updates: StatusUpdate[];
}

const TRACK = /\{\{<\s*track\s+"([^"]{1,40})"\s*>\}\}/;
const SCHEDULED = /\b(?:scheduled|planned|maintenance\s+will|will\s+be|upcoming)\b/i;

/** The status page a document is, or null when its front matter does not state a start and an end with their times. */
export function readStatusPage(document: PostmortemDocument): StatusPage | null {
  if (!document.frontMatter) return null;
  const fields = document.metadata.fields.filter((field) => field.source === 'front-matter');
  const startField = fields.find((field) => field.label === 'date');
  const endField = fields.find((field) => field.label === 'resolvedWhen');
  if (!startField || !endField) return null;
  const order = document.numericDateOrder;
  const start = moment(startField.raw, startField.span, order);
  const end = moment(endField.raw, endField.span, order);
  if (!start || !end) return null;
  const updates: StatusUpdate[] = [];
  const frontMatterEnd = document.frontMatter.span.end.offset;
  for (const paragraph of document.paragraphs) {
    if (paragraph.quoted || paragraph.span.start.offset < frontMatterEnd) continue;
    const lines = document.textOf(paragraph.node).lines();
    const said: string[] = [];
    for (const line of lines) {
      const track = TRACK.exec(line.text);
      if (track) {
        // The shortcode stamps the paragraph's lines before it.
        const stamp = moment(track[1]!, document.lines.span(line.offset(0), line.offset(line.text.length - 1) + 1), order);
        if (stamp) updates.push(update(stamp, said.join(' ')));
        said.length = 0;
        continue;
      }
      const stamped = lineMoment(line.text, document.lines.span(line.offset(0), line.offset(Math.max(0, line.text.length - 1)) + 1), order);
      if (stamped) updates.push(update(stamped.moment, stamped.says));
      else said.push(line.text);
    }
  }
  for (const section of document.sections) {
    const text = document.textOf(section.heading).text;
    const stamped = lineMoment(text, section.span, order);
    if (!stamped) continue;
    const body = document.paragraphs.filter((paragraph) => paragraph.section === section).map((paragraph) => paragraph.text).join(' ');
    updates.push(update(stamped.moment, `${stamped.says} ${body}`.trim()));
  }
  for (const timeline of document.timelines) {
    for (const entry of timeline.entries) {
      if (entry.seconds === null || entry.invalid || entry.approximate || !entry.date || entry.date.year === null || entry.dateSource !== 'entry') continue;
      if (updates.some((known) => known.span.start.line === entry.entrySpan.start.line)) continue;
      updates.push(update({ instant: instantOf(entry.date, entry.seconds, entry.zone), zoned: entry.zone?.offsetMinutes != null, text: entry.raw, span: entry.entrySpan }, entry.text));
    }
  }
  updates.sort((a, b) => a.span.start.offset - b.span.start.offset);
  return { start: { ...start, field: startField }, end: { ...end, field: endField }, updates };
}

function update(stamp: StatusMoment, says: string): StatusUpdate {
  const resolved = milestoneStatements(says).some((statement) => statement.milestone === 'resolved' && !statement.partial);
  return { ...stamp, says, resolved, scheduled: SCHEDULED.test(says) };
}

/** A line that begins with a date and a time ("2024-04-06 09:59:00 - The site …", "## 05.05.2026, 22:00 Uhr – Störung erkannt"). */
function lineMoment(text: string, span: Span, order: NumericOrder | null): { moment: StatusMoment; says: string } | null {
  const cleaned = text.replace(/^[\s*_>[\]-]+/, '');
  const parsed = parseTimestamp(cleaned, { allowDateOnly: false, order });
  const at = parsed?.approximate ? null : momentOf(parsed);
  if (!parsed || !at) return null;
  return { moment: { ...at, text: cleaned.slice(parsed.start, parsed.end), span }, says: cleaned.slice(parsed.rest).replace(/^Uhr\b[\s–-]*/, '') };
}

/** A front-matter date and time ("2024-04-06T11:48:00.746Z", "2019-09-29 18:00:00"). */
function moment(raw: string, span: Span, order: NumericOrder | null): StatusMoment | null {
  const text = raw.trim().replace(/^["']|["']$/g, '');
  const parsed = parseTimestamp(text, { allowDateOnly: false, order });
  const at = momentOf(parsed);
  return parsed && at ? { ...at, text: text.slice(parsed.start, parsed.end), span } : null;
}
