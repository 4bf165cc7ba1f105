/** The agenda as a facilitator edits it (pure): rows, order, total time, and where an item points. */
import { SESSION_LIMITS, type AgendaItem, type AgendaItemInput, type AgendaKind } from '@relab/shared';

/** One row of the agenda editor. Numbers stay text while typed; `key` identifies the row in the page only. */
export interface AgendaDraftItem {
  key: string;
  /** The item's id once saved (kept when editing). */
  id?: string;
  title: string;
  minutes: string;
  kind: AgendaKind;
  /** '' for none. */
  refId: string;
  /** Title of what it points at, as the server last said (for a reference no longer in the lists). */
  refTitle: string | null;
}

/** Kinds that point at something of the lab. */
export const REF_KINDS: readonly AgendaKind[] = ['reflection', 'board', 'dialogue'];

export function needsRef(kind: AgendaKind): boolean {
  return REF_KINDS.includes(kind);
}

let counter = 0;
/** A key for a new row (unique within the page). */
export function newRowKey(): string {
  counter += 1;
  return `row-${counter}`;
}

export function newAgendaItem(minutes = 15): AgendaDraftItem {
  return { key: newRowKey(), title: '', minutes: String(minutes), kind: 'discussion', refId: '', refTitle: null };
}

export function draftFromAgenda(agenda: readonly AgendaItem[]): AgendaDraftItem[] {
  return agenda.map((item) => ({
    key: newRowKey(),
    id: item.id,
    title: item.title,
    minutes: String(item.minutes),
    kind: item.kind,
    refId: item.refId ?? '',
    refTitle: item.refTitle,
  }));
}

/** The minutes of a row as a number, or null while not a whole number within the limits. */
export function parseMinutes(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return n >= SESSION_LIMITS.itemMinutes.min && n <= SESSION_LIMITS.itemMinutes.max ? n : null;
}

/** Sum of the rows' minutes (rows still being typed count as 0). */
export function totalMinutes(items: ReadonlyArray<{ minutes: string | number }>): number {
  return items.reduce((sum, item) => sum + (typeof item.minutes === 'number' ? item.minutes : (parseMinutes(item.minutes) ?? 0)), 0);
}

export type AgendaFit = 'under' | 'exact' | 'over';

/** How the agenda fills the session: time left, exactly full, or too long. */
export function agendaFit(total: number, durationMinutes: number): AgendaFit {
  if (total === durationMinutes) return 'exact';
  return total < durationMinutes ? 'under' : 'over';
}

/** A copy with the item at `index` moved by `delta` places (clamped at both ends; the same list when it cannot move). */
export function moveItem<T>(items: readonly T[], index: number, delta: number): T[] {
  const target = Math.min(items.length - 1, Math.max(0, index + delta));
  if (index < 0 || index >= items.length || target === index) return [...items];
  const out = [...items];
  const [item] = out.splice(index, 1);
  out.splice(target, 0, item!);
  return out;
}

/** What is sent to the server: trimmed titles, numbers, a reference only for the kinds that have one. */
export function agendaInput(items: readonly AgendaDraftItem[]): AgendaItemInput[] {
  return items.map((item) => ({
    ...(item.id ? { id: item.id } : {}),
    title: item.title.trim(),
    minutes: parseMinutes(item.minutes) ?? Number.NaN,
    kind: item.kind,
    refId: needsRef(item.kind) && item.refId ? item.refId : null,
  }));
}

const enc = encodeURIComponent;

/** The page of what an agenda item points at, or null (free discussion, or nothing chosen). */
export function refPath(labId: string, kind: AgendaKind, refId: string | null): string | null {
  if (!refId) return null;
  switch (kind) {
    case 'reflection':
      return `/labs/${enc(labId)}/reflections/${enc(refId)}`;
    case 'board':
      return `/labs/${enc(labId)}/boards/${enc(refId)}`;
    case 'dialogue':
      return `/labs/${enc(labId)}/dialogues/${enc(refId)}`;
    default:
      return null;
  }
}

/**
 * The page of a collaborative document named in a report (`reflection:<id>`, `board:<id>`, `session-notes:<id>`…),
 * or null for a kind the app has no page for.
 */
export function docPath(labId: string, docName: string): string | null {
  const at = docName.indexOf(':');
  if (at < 0) return null;
  const type = docName.slice(0, at);
  const id = docName.slice(at + 1);
  if (!id) return null;
  switch (type) {
    case 'reflection':
      return `/labs/${enc(labId)}/reflections/${enc(id)}`;
    case 'board':
      return `/labs/${enc(labId)}/boards/${enc(id)}`;
    case 'session-notes':
      return `/labs/${enc(labId)}/sessions/${enc(id)}#session-notes`;
    case 'lab-notes':
      return `/labs/${enc(labId)}/notes`;
    default:
      return null;
  }
}

export type DocKind = 'notes' | 'reflection' | 'board' | 'other';

/** What kind of document a report's version is of, from its name (`session-notes:<id>` → notes). */
export function docKind(docName: string): DocKind {
  const type = docName.slice(0, Math.max(0, docName.indexOf(':')));
  if (type === 'session-notes') return 'notes';
  if (type === 'reflection' || type === 'reflection-section') return 'reflection';
  if (type === 'board') return 'board';
  return 'other';
}

/** Index of the current item in the agenda, -1 when none. */
export function currentIndex(items: ReadonlyArray<{ id: string }>, currentItemId: string | null): number {
  return currentItemId ? items.findIndex((i) => i.id === currentItemId) : -1;
}
