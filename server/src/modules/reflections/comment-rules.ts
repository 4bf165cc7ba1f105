import * as Y from 'yjs';
import { parseCommentEntry, REFLECTION_LIMITS, type CollabErrorCode } from '@relab/shared';
import { anyValues, locateUpdate } from '../../collab/protocol/update-locations.js';

/**
 * The content rule of reflection documents (run by the collaboration core before an update is applied):
 * entries of the `comments` map are plain values that match the comment schema, written under the writer's own
 * user id; nobody overwrites or deletes someone else's comment or reply (a thread's resolved flag is anyone's).
 * The `comments` map holds no nested types. The text (`content`) is free, up to a size per change.
 */
export function checkReflectionUpdate(doc: Y.Doc, update: Uint8Array, writer: { userId: string }): CollabErrorCode | null {
  // one change is at most a long paste; anything larger is refused whole (nothing half-written is stored)
  if (update.byteLength > REFLECTION_LIMITS.maxUpdateBytes) return 'MESSAGE_TOO_LARGE';
  const located = locateUpdate(doc, update);
  if (!located) return 'SCHEMA_REJECTED';
  const comments = doc.getMap<unknown>('comments');
  for (const { item, at } of located.inserted) {
    if (at.root !== 'comments') continue;
    if (at.nested || at.key === null) return 'SCHEMA_REJECTED';
    const values = anyValues(item);
    if (!values || values.length !== 1) return 'SCHEMA_REJECTED';
    const entry = parseCommentEntry(at.key, values[0]);
    if (!entry || entry.value.authorId !== writer.userId) return 'SCHEMA_REJECTED';
    const existing = parseCommentEntry(at.key, comments.get(at.key));
    if (existing && entry.type !== 'resolution' && existing.value.authorId !== writer.userId) return 'SCHEMA_REJECTED';
  }
  for (const { item, at } of located.deleted) {
    if (at.root !== 'comments') continue;
    if (at.nested || at.key === null) return 'SCHEMA_REJECTED';
    const values = anyValues(item);
    const entry = values && values.length === 1 ? parseCommentEntry(at.key, values[0]) : null;
    // a broken entry may be removed by anyone; a valid one only by its author (or replaced as a resolution)
    if (entry && entry.type !== 'resolution' && entry.value.authorId !== writer.userId) return 'SCHEMA_REJECTED';
  }
  return null;
}
