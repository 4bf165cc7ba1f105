import * as Y from 'yjs';
import { BOARD_LIMITS, parseBoardSetting, parseShape, type CollabErrorCode, type LabRole, type Shape } from '@relab/shared';
import { anyValues, locateUpdate } from '../../collab/protocol/update-locations.js';

/** What the board needs to know about a writer (from the board type's `context`). */
export interface BoardWriter {
  userId: string;
  context: unknown;
}

const isFacilitator = (context: unknown) => (context as { role?: LabRole } | undefined)?.role === 'facilitator';

/**
 * The content rule of board documents, checked by the collaboration core before an update is applied:
 * - `shapes` holds plain values under their own id that match the shape schema; a new shape is the writer's own
 *   (authorId), an existing one keeps its author and creation time; at most BOARD_LIMITS.shapes;
 * - a locked shape, or anything on a locked board, is changed (or deleted) by facilitators only, and only they lock;
 * - `board` settings are the facilitators'; `vote` is the server's own (results stay hidden until a round closes).
 * One refused entry refuses the whole update.
 */
export function checkBoardUpdate(doc: Y.Doc, update: Uint8Array, writer: BoardWriter): CollabErrorCode | null {
  if (update.byteLength > BOARD_LIMITS.maxUpdateBytes) return 'MESSAGE_TOO_LARGE';
  const located = locateUpdate(doc, update);
  if (!located) return 'SCHEMA_REJECTED';
  const facilitator = isFacilitator(writer.context);
  const shapes = doc.getMap<unknown>('shapes');
  const settings = doc.getMap<unknown>('board');
  const boardLocked = settings.get('locked') === true;
  let added = 0;
  for (const { item, at } of located.inserted) {
    if (at.root === 'shapes') {
      if (at.nested || at.key === null) return 'SCHEMA_REJECTED';
      const values = anyValues(item);
      const shape = values && values.length === 1 ? parseShape(at.key, values[0]) : null;
      if (!shape) return 'SCHEMA_REJECTED';
      const before = parseShape(at.key, shapes.get(at.key));
      if (!facilitator && (boardLocked || shape.locked || before?.locked)) return 'SCHEMA_REJECTED';
      if (before) {
        if (shape.authorId !== before.authorId || shape.createdAt !== before.createdAt || shape.type !== before.type) return 'SCHEMA_REJECTED';
      } else {
        if (shape.authorId !== writer.userId) return 'SCHEMA_REJECTED';
        if (!shapes.has(at.key)) added++;
      }
    } else if (at.root === 'board') {
      if (at.nested || at.key === null || at.key === 'vote' || !facilitator) return 'SCHEMA_REJECTED';
      const values = anyValues(item);
      if (!values || values.length !== 1 || !parseBoardSetting(at.key, values[0])) return 'SCHEMA_REJECTED';
    }
  }
  if (added > 0 && shapes.size + added > BOARD_LIMITS.shapes) return 'SCHEMA_REJECTED';
  for (const { item, at } of located.deleted) {
    if (at.root === 'board') {
      if (!facilitator || at.key === 'vote') return 'SCHEMA_REJECTED';
      continue;
    }
    if (at.root !== 'shapes' || facilitator) continue;
    if (boardLocked) return 'SCHEMA_REJECTED';
    const values = anyValues(item);
    const shape: Shape | null = values && values.length === 1 ? parseShape(at.key, values[0]) : null;
    if (shape?.locked) return 'SCHEMA_REJECTED';
  }
  return null;
}
