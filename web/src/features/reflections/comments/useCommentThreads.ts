import { useEffect, useState } from 'react';
import {
  commentKeys,
  parseCommentEntry,
  type CommentReply,
  type CommentResolution,
  type CommentThread,
} from '@relab/shared';
import type * as Y from 'yjs';
import { assembleThreads, type AssembledThread } from './threads.js';

/** Root of the comment threads in a reflection document. */
export const COMMENTS_ROOT = 'comments';

export const commentsMapOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(COMMENTS_ROOT);

/** The threads of a reflection, live (the map is observed; other people's comments appear as they are written). */
export function useCommentThreads(doc: Y.Doc | null): AssembledThread[] {
  const [threads, setThreads] = useState<AssembledThread[]>([]);
  useEffect(() => {
    if (!doc) {
      setThreads([]);
      return undefined;
    }
    const map = commentsMapOf(doc);
    const update = () => setThreads(assembleThreads(map.entries()));
    update();
    map.observe(update);
    return () => map.unobserve(update);
  }, [doc]);
  return threads;
}

/**
 * Writes one entry, after checking it with the shared schema: the server refuses an update holding a broken entry,
 * and that would also refuse the text typed in the same moment.
 */
function writeEntry(doc: Y.Doc, key: string, value: CommentThread | CommentReply | CommentResolution): boolean {
  if (!parseCommentEntry(key, value)) return false;
  doc.transact(() => commentsMapOf(doc).set(key, value));
  return true;
}

export const writeThread = (doc: Y.Doc, thread: CommentThread) => writeEntry(doc, commentKeys.thread(thread.id), thread);
export const writeReply = (doc: Y.Doc, reply: CommentReply) => writeEntry(doc, commentKeys.reply(reply.threadId, reply.id), reply);
export const writeResolution = (doc: Y.Doc, resolution: CommentResolution) =>
  writeEntry(doc, commentKeys.resolution(resolution.threadId), resolution);
