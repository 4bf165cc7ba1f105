/**
 * Pure helpers of comment threads: assembling the `comments` map of a reflection into threads, ordering them as
 * their anchors appear in the text, and @mentions in comment bodies.
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import {
  REFLECTION_LIMITS,
  parseCommentEntry,
  type CommentReply,
  type CommentResolution,
  type CommentThread,
} from '@relab/shared';

/** Name of the Tiptap mark on commented text, and its attribute. */
export const COMMENT_MARK = 'comment';

export interface AssembledThread {
  thread: CommentThread;
  /** Oldest first. */
  replies: CommentReply[];
  resolution: CommentResolution | null;
  resolved: boolean;
}

const byCreated = (a: { createdAt: string; id: string }, b: { createdAt: string; id: string }) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * Threads from the entries of the comments map (key → value). Entries that break the schema are ignored, and so are
 * replies and resolutions of a thread that is not (yet) there. Threads oldest first.
 */
export function assembleThreads(entries: Iterable<readonly [unknown, unknown]>): AssembledThread[] {
  const threads = new Map<string, CommentThread>();
  const replies = new Map<string, CommentReply[]>();
  const resolutions = new Map<string, CommentResolution>();
  for (const [key, value] of entries) {
    const entry = parseCommentEntry(key, value);
    if (!entry) continue;
    if (entry.type === 'thread') threads.set(entry.value.id, entry.value);
    else if (entry.type === 'reply') {
      const list = replies.get(entry.value.threadId) ?? [];
      list.push(entry.value);
      replies.set(entry.value.threadId, list);
    } else resolutions.set(entry.value.threadId, entry.value);
  }
  return [...threads.values()].sort(byCreated).map((thread) => {
    const resolution = resolutions.get(thread.id) ?? null;
    return { thread, replies: (replies.get(thread.id) ?? []).sort(byCreated), resolution, resolved: resolution?.resolved ?? false };
  });
}

/** Where each thread's anchor starts in the document (the first text carrying its mark). */
export function commentAnchors(doc: PMNode, markName = COMMENT_MARK): Map<string, { from: number; to: number }> {
  const anchors = new Map<string, { from: number; to: number }>();
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      const threadId: unknown = mark.attrs.threadId;
      if (mark.type.name !== markName || typeof threadId !== 'string') continue;
      const found = anchors.get(threadId);
      if (!found) anchors.set(threadId, { from: pos, to: pos + node.nodeSize });
      else if (found.to === pos) found.to = pos + node.nodeSize; // the same anchor split over several text nodes
    }
    return false;
  });
  return anchors;
}

/** Threads in the order of their anchors in the text; threads whose text was removed come last, oldest first. */
export function orderThreads(threads: readonly AssembledThread[], anchors: ReadonlyMap<string, number>): AssembledThread[] {
  return threads
    .map((t, index) => ({ t, index, at: anchors.get(t.thread.id) }))
    .sort((a, b) => {
      if (a.at !== undefined && b.at !== undefined && a.at !== b.at) return a.at - b.at;
      if (a.at !== undefined && b.at === undefined) return -1;
      if (a.at === undefined && b.at !== undefined) return 1;
      return a.index - b.index;
    })
    .map((x) => x.t);
}

/** The quoted text of a new thread: spaces collapsed, at most the schema's length (with an ellipsis). */
export function quoteOf(text: string, max: number = REFLECTION_LIMITS.commentQuote): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** A random UUID v4 (crypto.randomUUID exists only on secure origins); `random` fills the bytes (for tests). */
export function newId(random?: (bytes: Uint8Array<ArrayBuffer>) => unknown): string {
  if (!random && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = new Uint8Array(16);
  (random ?? ((bytes: Uint8Array<ArrayBuffer>) => crypto.getRandomValues(bytes)))(b);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// ---- @mentions ---------------------------------------------------------------------------------------------------

export interface Mentionable {
  userId: string;
  displayName: string;
}

const MAX_QUERY = 40;

/** The "@query" being typed just before the caret, if any (an @ at the start or after a space or bracket). */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0 || caret - at - 1 > MAX_QUERY) return null;
  if (at > 0 && !/[\s([{"'«]/.test(before[at - 1])) return null;
  const query = before.slice(at + 1);
  if (/[\n\r]/.test(query) || /^\s/.test(query)) return null;
  return { start: at, query };
}

/** Members matching a query: by the start of their name or of any word of it, at most `limit`. */
export function mentionSuggestions(members: readonly Mentionable[], query: string, limit = 6): Mentionable[] {
  const q = query.toLocaleLowerCase().trim();
  const matches = members.filter((m) => {
    if (q === '') return true;
    const name = m.displayName.toLocaleLowerCase();
    return name.startsWith(q) || name.split(/\s+/).some((word) => word.startsWith(q));
  });
  return [...matches].sort((a, b) => a.displayName.localeCompare(b.displayName)).slice(0, limit);
}

/** The text with "@query" replaced by "@Display Name ", and where the caret goes. */
export function insertMention(text: string, start: number, caret: number, displayName: string): { text: string; caret: number } {
  const inserted = `@${displayName} `;
  const after = text.slice(caret).replace(/^ /, '');
  return { text: text.slice(0, start) + inserted + after, caret: start + inserted.length };
}

interface MentionMatch {
  start: number;
  end: number;
  member: Mentionable;
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}_-]/u.test(ch);

/** Every "@Display Name" of a member in a text; at one @ the longest name wins ("@Jan Peeters" over "@Jan"). */
export function scanMentions(body: string, members: readonly Mentionable[]): MentionMatch[] {
  const lower = body.toLocaleLowerCase();
  const byLength = [...members].filter((m) => m.displayName.trim() !== '').sort((a, b) => b.displayName.length - a.displayName.length);
  const out: MentionMatch[] = [];
  for (let at = body.indexOf('@'); at >= 0; at = body.indexOf('@', at + 1)) {
    if (at > 0 && isWordChar(body[at - 1])) continue;
    const member = byLength.find((m) => {
      const name = m.displayName.toLocaleLowerCase();
      return lower.startsWith(name, at + 1) && !isWordChar(body[at + 1 + name.length]);
    });
    if (!member) continue;
    const end = at + 1 + member.displayName.length;
    out.push({ start: at, end, member });
    at = end - 1;
  }
  return out;
}

/** User ids of the members mentioned in a body (each once, at most the schema's number). */
export function mentionsIn(body: string, members: readonly Mentionable[]): string[] {
  const ids: string[] = [];
  for (const match of scanMentions(body, members)) {
    if (!ids.includes(match.member.userId)) ids.push(match.member.userId);
  }
  return ids.slice(0, REFLECTION_LIMITS.mentions);
}

export interface BodySegment {
  text: string;
  /** The user id when this segment is an @mention of someone the comment mentions. */
  mention: string | null;
}

/** A comment body cut into plain text and the @mentions of the people it mentions (for highlighting). */
export function mentionSegments(body: string, mentioned: readonly Mentionable[]): BodySegment[] {
  const segments: BodySegment[] = [];
  let last = 0;
  for (const match of scanMentions(body, mentioned)) {
    if (match.start > last) segments.push({ text: body.slice(last, match.start), mention: null });
    segments.push({ text: body.slice(match.start, match.end), mention: match.member.userId });
    last = match.end;
  }
  if (last < body.length) segments.push({ text: body.slice(last), mention: null });
  return segments;
}
