import {
  RESPONSE_METRICS, isUnfilledValue, oneLine, stripEmoji, toIsoDate,
  type ActionItem, type PostmortemDocument, type ResponseMetric, type ResponseTime, type Span,
} from '../../model/index.js';

/**
 * What `pm-lint report` needs of one postmortem, read from its model while it is linted
 * (so each file is parsed once, on whichever thread lints it) and plain data, so that a
 * worker thread can send it back.
 */
export interface DocumentFacts {
  /** The document's title heading, else its metadata's title. */
  title: string | null;
  incidentId: string | null;
  /** The incident's date (YYYY-MM-DD): metadata, else the title, else the file name. */
  date: string | null;
  /** The severity's key ("SEV-2", "P1", "Major"); null when none is stated or it is template text. */
  severity: string | null;
  /** The severity as written. */
  severityText: string | null;
  status: string | null;
  responseTimes: Record<ResponseMetric, ResponseTimeFact | null>;
  actionItems: ActionItemFact[];
  /** The README that indexes the postmortems, or the guide to writing them: not a postmortem (the report leaves it out). */
  indexPage?: boolean;
}

export interface ResponseTimeFact {
  seconds: number;
  /** `stated` in a field, from the `metadata`'s start and end, or read from the `timeline`. */
  source: ResponseTime['source'];
  approximate: boolean;
  /** The lines it is read from: the field; the start and end fields or entries. */
  lines: number[];
}

export interface ActionItemFact {
  text: string;
  line: number;
  /** Null when the item names none, or a placeholder ("TBD", "[name]"). */
  owner: string | null;
  priority: string | null;
  /** The due date (YYYY-MM-DD) when it is a real date with a year; `dueText` is what is written. */
  due: string | null;
  dueText: string | null;
  status: string | null;
  completed: boolean;
}

export function documentFacts(document: PostmortemDocument): DocumentFacts {
  const metadataValue = (key: string) => filled(document.metadata.get(key)?.value);
  const severity = document.severity;
  const responseTimes = {} as Record<ResponseMetric, ResponseTimeFact | null>;
  for (const metric of RESPONSE_METRICS) {
    const time = document.responseTimes[metric];
    responseTimes[metric] = time
      ? { seconds: time.seconds, source: time.source, approximate: time.approximate, lines: [...new Set(time.spans.map((span) => span.start.line))] }
      : null;
  }
  return {
    ...(document.isIndexPage || document.isGuidePage ? { indexPage: true } : {}),
    title: document.title && !holdsPlaceholder(document, document.title.span) ? oneLine(document.title.text) : metadataValue('title'),
    incidentId: metadataValue('incidentId'),
    date: document.incidentDate ? toIsoDate(document.incidentDate) : null,
    severity: severity?.key ?? null,
    severityText: severity?.text ?? null,
    status: metadataValue('status'),
    responseTimes,
    actionItems: document.actionItems.map((item) => actionItemFact(document, item)),
  };
}

/** Whether template text ("TBD", "[name]", "[Incident title]") stands within a span. */
function holdsPlaceholder(document: PostmortemDocument, span: Span): boolean {
  return document.placeholders.found.some((placeholder) => placeholder.start < span.end.offset && placeholder.end > span.start.offset);
}

function actionItemFact(document: PostmortemDocument, item: ActionItem): ActionItemFact {
  // A field that holds template text states nothing.
  const stated = <Field extends { span: Span }>(field: Field | undefined): Field | undefined =>
    field && !holdsPlaceholder(document, field.span) ? field : undefined;
  const owner = stated(item.fields.owner);
  const priority = stated(item.fields.priority);
  const due = stated(item.fields.due);
  const status = stated(item.fields.status);
  const dueDate = due?.value && due.value.valid && due.value.date.year !== null ? toIsoDate(due.value.date) : null;
  const priorityText = filled(priority?.value);
  return {
    text: oneLine(item.text),
    line: item.textSpan.start.line,
    owner: filled(owner?.value),
    priority: priorityText && /^p\d$/i.test(priorityText) ? priorityText.toUpperCase() : priorityText,
    due: dueDate,
    dueText: filled(due?.text),
    status: filled(status?.text),
    completed: item.completed,
  };
}

/** A value that says something: not empty, not template text. */
function filled(value: string | undefined): string | null {
  if (value === undefined) return null;
  const text = oneLine(stripEmoji(value));
  return text === '' || isUnfilledValue(text, true) ? null : text;
}

