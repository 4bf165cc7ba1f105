import type * as Y from 'yjs';
import { commentKeys, parseCommentEntry } from '@relab/shared';

/** A comment the writer added or changed, as an interaction source (ids only). */
export interface CommentInteraction {
  commentId: string;
  /** Author of the thread a reply answers, when it is someone else. */
  replyToUserId: string | null;
  /** Other users the comment @mentions. */
  mentionedUserIds: string[];
}

/**
 * Comments (threads and replies) written by `userId` among the changed keys of the `comments` map. Resolutions are
 * not interactions. Re-saving the same comment gives the same comment id: the activity module records it once.
 */
export function commentInteractions(doc: Y.Doc, keys: Iterable<string | null>, userId: string): CommentInteraction[] {
  const comments = doc.getMap<unknown>('comments');
  const out: CommentInteraction[] = [];
  for (const key of keys) {
    if (key === null) continue;
    const entry = parseCommentEntry(key, comments.get(key));
    if (!entry || entry.type === 'resolution' || entry.value.authorId !== userId) continue;
    let replyToUserId: string | null = null;
    if (entry.type === 'reply') {
      const thread = parseCommentEntry(commentKeys.thread(entry.value.threadId), comments.get(commentKeys.thread(entry.value.threadId)));
      if (thread?.type === 'thread' && thread.value.authorId !== userId) replyToUserId = thread.value.authorId;
    }
    const mentionedUserIds = [...new Set(entry.value.mentions)].filter((id) => id !== userId);
    out.push({ commentId: entry.value.id, replyToUserId, mentionedUserIds });
  }
  return out;
}

/** True when a stored change touched the reflection's text (anything but the comments map). */
export function touchedText(changed: ReadonlyMap<string, ReadonlySet<string | null>>): boolean {
  for (const root of changed.keys()) if (root !== 'comments') return true;
  return false;
}
