/** What others share on a board through awareness: who they are (written by the server), cursor and view. */
import type { Point } from './model/geometry.js';
import type { ViewCenter } from './canvas/viewport.js';

export interface Peer {
  clientId: number;
  userId: string;
  name: string;
  color: string;
  /** Board coordinates of their pointer, or null when it is not over the board. */
  cursor: Point | null;
  /** The centre and zoom of their view. */
  viewport: ViewCenter | null;
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function point(value: unknown): Point | null {
  const v = value as { x?: unknown; y?: unknown } | null;
  return v && typeof v === 'object' && finite(v.x) && finite(v.y) ? { x: v.x, y: v.y } : null;
}

function view(value: unknown): ViewCenter | null {
  const p = point(value);
  const scale = (value as { scale?: unknown } | null)?.scale;
  return p && finite(scale) && scale > 0 ? { ...p, scale } : null;
}

/** The other clients on the board (never this one), from awareness states (anything malformed is left out). */
export function peersOf(states: Map<number, Record<string, unknown>>, myClientId: number): Peer[] {
  const peers: Peer[] = [];
  states.forEach((state, clientId) => {
    if (clientId === myClientId) return;
    const user = state.user as { id?: unknown; name?: unknown; color?: unknown } | undefined;
    if (!user || typeof user.id !== 'string' || typeof user.name !== 'string') return;
    peers.push({
      clientId,
      userId: user.id,
      name: user.name,
      color: typeof user.color === 'string' ? user.color : '',
      cursor: point(state.cursor),
      viewport: view(state.viewport),
    });
  });
  return peers.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
}

/** One entry per person (several tabs of one person: the one with a view, else the first). */
export function peoplePerUser(peers: Peer[]): Peer[] {
  const byUser = new Map<string, Peer>();
  for (const p of peers) {
    const seen = byUser.get(p.userId);
    if (!seen || (!seen.viewport && p.viewport)) byUser.set(p.userId, p);
  }
  return [...byUser.values()];
}
