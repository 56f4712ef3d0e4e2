import { defineRule } from '../../src/engine/types.js';
import {
  excerpt, SectionKindResolver, KIND_TITLES, kindName, splitTitle, type Coverage, type ImplicitForm, type PostmortemDocument, type Statement, type TemplatePart,
  type TemplateStandard, type TitledPlace, type TitleForm,
} from '../../src/model/index.js';
import type { RuleContext } from '../../src/engine/types.js';

interface SectionSpec {
  kind?: string;
  name?: string;
  aliases?: string[];
  required?: boolean;
}

interface Accept {
  boldHeadings: boolean;
  labels: boolean;
  plainHeadings: boolean;
  leadParagraph: boolean;
  timestampedEntries: boolean;
  announcedLists: boolean;
  prose: boolean;
  outlineItems: boolean;
  callouts: boolean;
}

interface Options {
  sections: SectionSpec[];
  order: boolean;
  templateLevels: number;
  acceptBoldHeadings: boolean;
  accept: Accept;
  skipIndexPages: boolean;
}

const DEFAULT_KINDS = ['summary', 'impact', 'timeline', 'root-cause', 'action-items'];

/** A configured section with the resolver of its own aliases (built once, in prepare). */
interface PreparedSpec {
  spec: SectionSpec;
  aliases: SectionKindResolver | null;
}

interface Prepared {
  specs: PreparedSpec[];
  /** Whether `sections` is the default list: with a template, the template's sections then stand alone. */
  defaultSections: boolean;
}

function isDefaultList(sections: SectionSpec[]): boolean {
  return (
    sections.length === DEFAULT_KINDS.length &&
    sections.every((spec, i) => spec.kind === DEFAULT_KINDS[i] && spec.name === undefined && (spec.aliases ?? []).length === 0 && spec.required !== false)
  );
}

function prepareSpec(spec: SectionSpec): PreparedSpec {
  const titles = [...(spec.aliases ?? []), ...(spec.kind ? [] : spec.name ? [spec.name] : [])];
  // A title is read without its numbering: "5 Whys" is looked up as "whys", so the alias must be too.
  const aliases = [...titles, ...titles.map((title) => splitTitle(title).base).filter(Boolean)];
  return { spec, aliases: aliases.length > 0 ? new SectionKindResolver({ wanted: aliases }, false) : null };
}

function matches(place: TitledPlace, { spec, aliases }: PreparedSpec): boolean {
  if (spec.kind && place.kinds.includes(spec.kind)) return true;
  return aliases?.resolve(place.title).includes('wanted') ?? false;
}

function displayName(spec: SectionSpec): string {
  return spec.name ?? (spec.kind ? kindName(spec.kind) : 'section');
}

function acceptedTitles(spec: SectionSpec): string {
  const titles = [...(spec.kind ? (KIND_TITLES[spec.kind] ?? []) : []), ...(spec.aliases ?? [])];
  if (titles.length === 0 && spec.name) titles.push(spec.name);
  return titles.map((title) => `"${title}"`).join(', ');
}

const FORM_OPTION: Record<TitleForm, keyof Accept | null> = {
  heading: null,
  'bold-heading': 'boldHeadings',
  label: 'labels',
  'plain-heading': 'plainHeadings',
  'outline-item': 'outlineItems',
  callout: 'callouts',
};
const IMPLICIT_OPTION: Record<ImplicitForm, keyof Accept> = {
  'lead-paragraph': 'leadParagraph',
  'timestamped-entries': 'timestampedEntries',
  'announced-list': 'announcedLists',
};

/** What a narrative states in prose: its cause and its impact. */
const STATED_IN_PROSE: Record<string, 'cause' | 'impact'> = { 'root-cause': 'cause', impact: 'impact' };

/**
 * Whether a document without a title for a kind still covers it: implicitly (a lead
 * paragraph, timestamped entries, an announced list), or in prose, where a narrative
 * (a status update, a blog post) states its cause and impact and a sectioned postmortem
 * may state them in a sentence. A cause said to be unknown is not covered.
 */
function coveredWithoutTitle(coverage: Coverage, kind: string, accept: Accept): { covered: boolean; unknown?: Statement } {
  if (coverage.implicit.some((cover) => cover.kind === kind && accept[IMPLICIT_OPTION[cover.form]])) return { covered: true };
  const stated = STATED_IN_PROSE[kind];
  if (!accept.prose || !stated) return { covered: false };
  const unknown = stated === 'cause' ? coverage.statements.find((statement) => statement.kind === 'cause-unknown') : undefined;
  if (unknown) return { covered: false, unknown };
  if (coverage.genre === 'narrative') return { covered: true };
  return { covered: coverage.statements.some((statement) => statement.kind === stated) };
}

function shown(text: string): string {
  return excerpt(text, 100);
}

export default defineRule<Options, Prepared>({
  id: 'required-sections',
  description: 'Requires the sections every postmortem needs (summary, impact, timeline, root cause, action items), under any of their usual titles, or the sections of the team\'s own template when the configuration names one.',
  severity: 'error',
  recommended: true,
  messages: {
    missing: 'Missing required section "{{name}}": add a heading such as {{titles}}.',
    missingUnknownCause:
      'Missing required section "{{name}}": add a heading such as {{titles}} once the cause is known (line {{line}} says "{{statement}}").',
    order: 'Section "{{name}}" should come after "{{previous}}" (line {{previousLine}}), as the configured order lists it.',
    missingFromTemplate: 'Missing section "{{name}}" of the template {{template}}: add a heading such as {{titles}}.',
    templateOrder: 'Section "{{name}}" should come after "{{previous}}" (line {{previousLine}}), as the template {{template}} orders them.',
  },
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      sections: {
        type: 'array',
        description:
          'The sections to look for, in order. Each names a built-in `kind` (summary, impact, timeline, root-cause, detection, response, resolution, action-items, lessons, went-well, went-wrong, hypotheses, …) or a `name` of your own, with extra `aliases` (heading titles) that also count; `required: false` keeps a section in the order check without requiring it. With a `template:` in the configuration, the template\'s sections are required instead of the default list, and a list of your own is required on top of them (an override for the most severe incidents, say).',
        default: DEFAULT_KINDS.map((kind) => ({ kind })),
        items: {
          type: 'object',
          additionalProperties: false,
          anyOf: [{ required: ['kind'] }, { required: ['name'] }],
          properties: {
            kind: { type: 'string', pattern: '^[a-z][a-z0-9-]*$', description: 'A section kind.' },
            name: { type: 'string', minLength: 1, description: 'The name used in messages (and a title that counts, without a kind).' },
            aliases: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Extra heading titles that count.' },
            required: { type: 'boolean', default: true, description: 'Whether a document must have it.' },
          },
        },
      },
      order: {
        type: 'boolean',
        default: false,
        description: 'Require the sections that are present to appear in the order `sections` lists them (with a `template:`, the order of the template).',
      },
      templateLevels: {
        type: 'integer',
        minimum: 1,
        maximum: 6,
        default: 1,
        description:
          'With a `template:` in the configuration: how many levels of its sections are required. 1: its top-level sections; 2: their sub-sections too (a sub-section is not reported when its parent is missing).',
      },
      acceptBoldHeadings: {
        type: 'boolean',
        default: true,
        description: 'Accept a paragraph of only bold text as a title ("**Actions planned:**"); the same as `accept.boldHeadings` (both must be true).',
      },
      accept: {
        type: 'object',
        additionalProperties: false,
        default: {},
        description:
          'Forms, other than a heading, that cover a section: `boldHeadings` ("**Impact:**"), `labels` ("- **Impact**: 20% of checkouts failed"), `plainHeadings` (a short line standing alone, a heading that lost its `#`), `outlineItems` (the items of a numbered outline: "1. Impact" with its text under it), `callouts` (the title of a callout, as Obsidian and GitHub write a part in a box: "> [!summary] Summary", "> [!info] Impact"), `leadParagraph` (the summary: the first paragraph of a document without one, after any note set apart in a block quote), `timestampedEntries` (the timeline: two or more lines or headings that open with a time), `announcedLists` (the action items: a list after "Going forward, we will make these changes:") and `prose` (the cause and the impact stated in a sentence; in a document written as a narrative, as status updates and blog posts are, they are not required under a title).',
        properties: {
          boldHeadings: { type: 'boolean', default: true, description: 'A paragraph of only bold or italic text.' },
          labels: { type: 'boolean', default: true, description: 'A label with or without its text on the same line.' },
          plainHeadings: { type: 'boolean', default: true, description: 'A short plain line standing alone as a title.' },
          leadParagraph: { type: 'boolean', default: true, description: 'The summary as the first paragraph.' },
          timestampedEntries: { type: 'boolean', default: true, description: 'The timeline as lines or headings that open with a time.' },
          announcedLists: { type: 'boolean', default: true, description: 'The action items as a list announced as what will change.' },
          prose: { type: 'boolean', default: true, description: 'The cause and the impact stated in prose.' },
          outlineItems: { type: 'boolean', default: true, description: 'The items of a numbered outline of at least three short titles, each with text under it.' },
          callouts: { type: 'boolean', default: true, description: 'The title of a callout with text under it ("> [!info] Impact").' },
        },
      },
      skipIndexPages: {
        type: 'boolean',
        default: true,
        description:
          "Require no sections of an index page or a guide: a document whose list items and table rows mostly link to other Markdown files or folders, with no part of a postmortem (the README that lists a team's postmortems), or a README, CONTRIBUTING or guide page (\"how-to-write-a-postmortem.md\", \"severity-levels.md\") with no part of a postmortem, no timeline entry and no incident date (the folder's guide to writing them).",
      },
    },
  },
  prepare: (options) => ({ specs: options.sections.map(prepareSpec), defaultSections: isDefaultList(options.sections) }),
  check(document, context) {
    const { acceptBoldHeadings, accept, skipIndexPages } = context.options;
    if (skipIndexPages && (document.isIndexPage || document.isGuidePage)) return;
    const places = document.coverage.titled.filter((place) => {
      const option = FORM_OPTION[place.form];
      return option === null || (accept[option] && (place.form !== 'bold-heading' || acceptBoldHeadings));
    });
    const template = document.template;
    if (template && template.parts.length > 0) {
      checkTemplate(document, context, template, places);
      if (!context.prepared.defaultSections) checkSpecs(document, context, context.prepared.specs, places, false);
      return;
    }
    checkSpecs(document, context, context.prepared.specs, places, context.options.order);
  },
});

type Context = RuleContext<Options, Prepared>;

function firstLine(document: PostmortemDocument) {
  return { offsets: { start: 0, end: document.lines.lineEnd(1) } };
}

/** A heading first, so that the order check reads headings where there are some. */
function findPlace(places: TitledPlace[], test: (place: TitledPlace) => boolean): TitledPlace | undefined {
  return places.find((place) => place.form === 'heading' && test(place)) ?? places.find(test);
}

function reportMissing(document: PostmortemDocument, context: Context, kind: string | undefined, data: Record<string, string>, messageId: string): void {
  const implied = kind ? coveredWithoutTitle(document.coverage, kind, context.options.accept) : { covered: false };
  if (implied.covered) return;
  if (implied.unknown) {
    const { unknown } = implied;
    context.report({ ...firstLine(document), messageId: 'missingUnknownCause', data: { ...data, line: unknown.span.start.line, statement: shown(unknown.text) } });
  } else context.report({ ...firstLine(document), messageId, data });
}

function checkSpecs(document: PostmortemDocument, context: Context, specs: PreparedSpec[], places: TitledPlace[], order: boolean): void {
  const found: Array<{ spec: SectionSpec; at: TitledPlace }> = [];
  for (const prepared of specs) {
    const { spec } = prepared;
    const at = findPlace(places, (place) => matches(place, prepared));
    if (at) {
      found.push({ spec, at });
      continue;
    }
    if (spec.required === false || unreadable(document, spec)) continue;
    reportMissing(document, context, spec.kind, { name: displayName(spec), titles: acceptedTitles(spec) }, 'missing');
  }
  if (!order) return;
  let latest: { spec: SectionSpec; at: TitledPlace } | undefined;
  for (const entry of found) {
    if (latest && entry.at.span.start.offset < latest.at.span.start.offset) {
      context.report({
        span: entry.at.span,
        messageId: 'order',
        data: { name: displayName(entry.spec), previous: displayName(latest.spec), previousLine: latest.at.span.start.line },
      });
    } else latest = entry;
  }
}

/**
 * A section known only by pm-lint's own titles, in a document written in a language they
 * do not cover (a Dutch "Samenvatting" is a summary pm-lint cannot read): its absence is
 * not evidence. Unless the document titles its sections in words pm-lint reads all the
 * same (a Dutch report under "Summary", "Timeline", "Root cause"), or the team gave titles
 * of its own (the spec's `aliases`, `settings.sectionAliases`), which are read in any
 * language.
 */
function unreadable(document: PostmortemDocument, spec: SectionSpec): boolean {
  if (!spec.kind || (spec.aliases ?? []).length > 0 || document.sectionKinds.ownKinds.has(spec.kind)) return false;
  if (document.language.readable) return false;
  const titles = document.sections.filter((section) => section.heading !== document.title?.heading && !section.field);
  return titles.filter((section) => section.titleKinds.length > 0).length * 2 < titles.length;
}

/** The titles a message suggests for a template's section: its own, then the usual titles of its kind. */
function templateTitles(part: TemplatePart): string {
  const titles = [part.name, ...(part.kinds[0] ? (KIND_TITLES[part.kinds[0]] ?? []).slice(0, 3) : [])];
  return [...new Set(titles)].map((title) => `"${title}"`).join(', ');
}

/**
 * The template's sections (down to `templateLevels`): each is found under its own title
 * first, then under any title of its kinds; a place of the document answers for one
 * section only, so that a template's "Corrective Actions" and "Prevention Measures" are not
 * both satisfied by one "Action Items". A section is not reported when its parent is
 * missing or optional.
 */
function checkTemplate(document: PostmortemDocument, context: Context, template: TemplateStandard, places: TitledPlace[]): void {
  const parts = template.parts.filter((part) => part.level <= context.options.templateLevels);
  const claimed = new Set<TitledPlace>();
  const at = new Map<TemplatePart, TitledPlace>();
  const free = (place: TitledPlace) => !claimed.has(place);
  for (const part of parts) {
    const place = findPlace(places, (candidate) => free(candidate) && part.matchesTitle(candidate.title));
    if (place) {
      claimed.add(place);
      at.set(part, place);
    }
  }
  for (const part of parts) {
    if (at.has(part) || part.kinds.length === 0) continue;
    const place = findPlace(places, (candidate) => free(candidate) && candidate.kinds.some((kind) => part.kinds.includes(kind)));
    if (place) {
      claimed.add(place);
      at.set(part, place);
    }
  }
  const absent = new Set<TemplatePart>();
  for (const part of parts) {
    if (at.has(part)) continue;
    absent.add(part);
    let skip = part.optional;
    for (let parent = part.parent; parent && !skip; parent = parent.parent) skip = parent.optional || absent.has(parent);
    if (skip) continue;
    reportMissing(document, context, part.kinds[0], { name: part.name, titles: templateTitles(part), template: template.name }, 'missingFromTemplate');
  }
  if (!context.options.order) return;
  let latest: { part: TemplatePart; place: TitledPlace } | undefined;
  for (const part of parts) {
    const place = at.get(part);
    if (!place) continue;
    if (latest && place.span.start.offset < latest.place.span.start.offset) {
      context.report({
        span: place.span,
        messageId: 'templateOrder',
        data: { name: part.name, previous: latest.part.name, previousLine: latest.place.span.start.line, template: template.name },
      });
    } else latest = { part, place };
  }
}
