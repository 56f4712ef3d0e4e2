import { normalizeText, stripEmoji } from '../../text/normalize.js';

/**
 * Statuses as teams write them, in English and in the languages whose section titles
 * pm-lint reads. Each normalised status word has a meaning, so that a team's "Shipped",
 * "To Do", "✅ Completed" or "Erledigt" is understood against a configured "Done" or "TODO".
 */
export type StatusMeaning = 'done' | 'wont do' | 'todo' | 'in progress' | 'blocked';

const MEANINGS: Readonly<Record<StatusMeaning, readonly string[]>> = {
  done: [
    'done', 'completed', 'complete', 'closed', 'fixed', 'resolved', 'shipped', 'merged', 'implemented', 'deployed', 'finished',
    'erledigt', 'abgeschlossen', 'fertig', 'umgesetzt', 'behoben', 'geschlossen', 'terminé', 'fait', 'résolu', 'clos', 'fermé',
    'réalisé', 'hecho', 'completado', 'terminado', 'cerrado', 'resuelto', 'finalizado', 'implementado', 'concluído', 'feito',
    'resolvido', 'fechado', 'completo', '完了', '対応済み', '対応済', '済', '已完成', '完成', '已解决', '已关闭', '완료', '조치 완료',
  ],
  'wont do': [
    'wont do', 'wont fix', 'cancelled', 'canceled', 'obsolete', 'dropped', 'rejected', 'not planned', 'descoped',
    'verworfen', 'abgelehnt', 'entfällt', 'annulé', 'abandonné', 'cancelado', 'descartado', '中止', '取消', '已取消', '취소',
  ],
  todo: [
    'todo', 'to do', 'open', 'not started', 'planned', 'backlog', 'outstanding', 'pending',
    'offen', 'geplant', 'ausstehend', 'à faire', 'ouvert', 'prévu', 'en attente', 'pendiente', 'abierto', 'planificado',
    'por hacer', 'pendente', 'aberto', 'planejado', 'a fazer', '未着手', '未対応', '待办', '未开始', '대기', '미착수', '예정',
  ],
  'in progress': [
    'in progress', 'doing', 'wip', 'ongoing', 'started', 'in review',
    'in bearbeitung', 'in arbeit', 'laufend', 'en cours', 'en curso', 'en progreso', 'em andamento', 'em progresso',
    '対応中', '進行中', '进行中', '处理中', '진행 중', '진행중',
  ],
  blocked: ['blocked', 'blockiert', 'bloqué', 'bloqueado', '阻塞', '차단'],
};
const MEANING = new Map<string, StatusMeaning>();
for (const [meaning, words] of Object.entries(MEANINGS) as Array<[StatusMeaning, readonly string[]]>) {
  for (const word of words) MEANING.set(word, meaning);
}

/** Statuses that mean the work is over. */
export const COMPLETED_STATUSES: ReadonlySet<string> = new Set([...MEANINGS.done, ...MEANINGS['wont do']]);
/** Statuses recognised in a "(done)" note, or as a bold label ("**TODO**: …"). */
export const NOTE_STATUSES: ReadonlySet<string> = new Set(MEANING.keys());

/** What a normalised status means ("shipped" → done), or null for a status pm-lint does not know. */
export function statusMeaning(normalized: string): StatusMeaning | null {
  return MEANING.get(normalized) ?? null;
}

/**
 * A status compared the way people write it: case, punctuation and emoji aside, and
 * leading or trailing marks without letters dropped (emoji decoded in the wrong
 * encoding: "âœ… Done" → "done").
 */
export function normalizeStatus(text: string): string {
  let value = stripEmoji(text).trim();
  if (value.length <= 100) {
    value = value.replace(/^(?:[^\sA-Za-z0-9]{1,8}\s+)+/, '').replace(/(?:\s+[^\sA-Za-z0-9]{1,8})+$/, '');
  }
  return normalizeText(value);
}
