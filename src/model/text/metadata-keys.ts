import { normalizeText } from './normalize.js';

/**
 * Canonical metadata keys and the labels real documents use for them, in English and in
 * the languages whose section titles pm-lint reads (German, French, Spanish, Portuguese;
 * the date also in Japanese, Chinese and Korean). Labels are compared after
 * normalizeText(): "Author(s)" → "authors", "Date/Time" → "date time".
 */
export const BUILT_IN_KEY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  incidentId: [
    'incident id', 'incident', 'id', 'incident number', 'incident no', 'incident ref', 'incident reference',
    'incident key', 'postmortem id', 'post mortem id', 'pm id', 'ticket', 'incident ticket', 'reference',
    'vorfall id', 'vorfallsnummer', 'störungsnummer', "id de l'incident", "numéro d'incident", 'id del incidente',
    'número de incidente', 'id do incidente', 'número do incidente',
  ],
  title: ['title', 'incident title', 'incident name', 'name', 'titel', 'titre', 'título'],
  date: [
    'date', 'incident date', 'date of incident', 'date time', 'datetime', 'date and time', 'occurred',
    'occurred on', 'incident start date', 'day', 'when',
    // Not the Portuguese and Italian "Data": it is an English label too ("Data: none lost").
    'datum', 'vorfallsdatum', 'störungsdatum', 'datum des vorfalls', "date de l'incident", 'fecha', 'fecha del incidente',
    'data do incidente',
    '発生日', '発生日時', '障害発生日時', '日付', '発生时间', '发生时间', '发生日期', '日期', '발생일', '발생 일시', '발생일시', '날짜',
  ],
  severity: [
    'severity', 'sev', 'severity level', 'incident severity', 'level', 'impact level',
    'schweregrad', 'gravité', 'sévérité', 'niveau de gravité', 'severidad', 'gravedad', 'severidade', 'gravidade',
  ],
  priority: ['priority', 'incident priority', 'priorität', 'priorité', 'prioridad', 'prioridade'],
  status: ['status', 'state', 'document status', 'postmortem status', 'post mortem status', 'review status', 'statut', 'état', 'estado'],
  authors: [
    'author', 'authors', 'owner', 'owners', 'postmortem owners', 'written by', 'prepared by', 'postmortem author', 'postmortem authors',
    'document owner', 'postmortem owner', 'report author',
    'autor', 'autorin', 'autoren', 'verfasser', 'erstellt von', 'auteur', 'auteurs', 'rédigé par', 'autores', 'escrito por',
  ],
  duration: [
    'duration', 'total duration', 'outage duration', 'impact duration', 'incident duration',
    'duration of impact', 'length', 'downtime', 'total downtime',
    'dauer', 'ausfalldauer', 'störungsdauer', 'gesamtdauer', 'durée', "durée de l'incident", 'duración', 'duração',
  ],
  commander: ['incident commander', 'ic', 'commander', 'incident lead', 'incident manager', 'incident owner'],
  responders: ['responders', 'involved', 'people', 'participants', 'people involved', 'teams involved', 'responding team', 'on call', 'on call engineer'],
  startTime: [
    'time', 'incident time', 'time of incident', 'start', 'start time', 'started', 'began', 'incident start', 'impact start', 'start of impact',
    'started at', 'start at', 'began at', 'incident started', 'impact started',
    'beginn', 'début', 'inicio', 'início',
  ],
  endTime: ['end', 'end time', 'ended', 'ended at', 'end at', 'resolved at', 'incident end', 'impact end', 'end of impact', 'ende', 'fin', 'fim'],
  detectedBy: ['detected by', 'detection', 'detection method', 'how detected'],
  services: [
    'affected services', 'services affected', 'systems affected', 'affected systems', 'services', 'components', 'affected components',
    'betroffene dienste', 'betroffene systeme', 'services affectés', 'servicios afectados', 'serviços afetados',
  ],
  reviewers: ['reviewed by', 'reviewers', 'reviewer', 'approved by', 'approvers'],
  lastUpdated: ['last updated', 'updated', 'last modified'],
  reportedBy: ['reported by', 'reporter', 'reported'],
  meeting: ['meeting', 'meeting scheduled for', 'review meeting', 'postmortem meeting', 'call recording', 'recording'],
};

export class MetadataKeyResolver {
  private readonly byLabel = new Map<string, string>();
  /** The keys the team gave labels of its own (`settings.metadataAliases`): they are read in the team's language, whatever it is. */
  readonly ownKeys: ReadonlySet<string>;

  constructor(extraAliases: Readonly<Record<string, readonly string[]>> = {}) {
    this.ownKeys = new Set(Object.entries(extraAliases).filter(([, labels]) => labels.length > 0).map(([key]) => key));
    for (const source of [extraAliases, BUILT_IN_KEY_ALIASES]) {
      for (const [key, labels] of Object.entries(source)) {
        for (const label of [key, ...labels]) {
          const normalized = normalizeText(label);
          if (!this.byLabel.has(normalized)) this.byLabel.set(normalized, key);
        }
      }
    }
  }

  /** The canonical key of a label, or the label camel-cased when it is not a known one. */
  resolve(label: string): string {
    const normalized = normalizeText(label);
    return this.byLabel.get(normalized) ?? camelCase(normalized);
  }

  /** Whether a label names a known metadata key. */
  isKnown(label: string): boolean {
    return this.byLabel.has(normalizeText(label));
  }
}

export function camelCase(normalized: string): string {
  return normalized
    .split(' ')
    .filter(Boolean)
    .map((word, i) => (i === 0 ? word : word[0]!.toUpperCase() + word.slice(1)))
    .join('');
}

const sharedResolvers = new WeakMap<object, MetadataKeyResolver>();
let defaultResolver: MetadataKeyResolver | undefined;

/** The resolver for a set of extra labels, built once per labels object (see sectionKindResolver). */
export function metadataKeyResolver(extraAliases?: Readonly<Record<string, readonly string[]>>): MetadataKeyResolver {
  if (!extraAliases) return (defaultResolver ??= new MetadataKeyResolver());
  let resolver = sharedResolvers.get(extraAliases);
  if (!resolver) sharedResolvers.set(extraAliases, (resolver = new MetadataKeyResolver(extraAliases)));
  return resolver;
}
