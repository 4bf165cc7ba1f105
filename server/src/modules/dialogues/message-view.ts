import type { DialogueMessage, LabRole, Language, MessageStatus, Reaction } from '@relab/shared';
import type { HeldBecause } from './dialogue-message.entity.js';

/** Who is looking: what a message shows depends on it. */
export interface Viewer {
  memberId: string;
  moderator: boolean;
}

/** A message as read by MessageStore, before it is shaped for one viewer. */
export interface MessageRow {
  id: string;
  seq: number;
  rev: string;
  status: MessageStatus;
  author_member_id: string | null;
  author_role: LabRole | null;
  author_current_role: LabRole | null;
  author_name: string | null;
  author_user_id: string | null;
  body: string | null;
  language: Language | null;
  reply_to: string | null;
  mentions: string[];
  client_id: string | null;
  held_because: HeldBecause | null;
  reject_reason: string | null;
  created_at: Date;
  moderated_at: Date | null;
  flag_count: number;
  flagged_by_me: boolean;
}

export interface MessageExtras {
  /** message id → reaction → count and whether the viewer gave it. */
  reactions: Map<string, Map<Reaction, { n: number; mine: boolean }>>;
  /** member id → display name (pseudonym for families and returnees). */
  names: Map<string, string>;
}

/**
 * What a non-moderator may see, as SQL over `dialogue_messages m` with the viewer's member id as `$<param>`:
 * published and hidden messages (hidden ones as markers), erased markers of what was once published, and their own
 * pending or rejected messages. Moderators see everything.
 */
export function visibleTo(param: number): string {
  return `(m.status IN ('published', 'hidden') OR (m.status = 'erased' AND m.ever_published) OR (m.author_member_id = $${param} AND m.status IN ('pending', 'rejected')))`;
}

/** Shapes one message for one viewer. Visibility of the row itself is decided in SQL (visibleTo). */
export function toMessageDto(r: MessageRow, viewer: Viewer, extras: MessageExtras): DialogueMessage {
  const base = {
    id: r.id,
    seq: r.seq,
    rev: Number(r.rev),
    status: r.status,
    replyTo: r.reply_to,
    createdAt: r.created_at.toISOString(),
  };
  if (r.status === 'erased') {
    return {
      ...base, author: null, mine: false, clientId: null, body: null, language: null, mentions: [], reactions: {}, myReactions: [],
      flaggedByMe: false, flagCount: 0, rejectReason: null, heldBecause: null, moderatedAt: null,
    };
  }
  const mine = r.author_member_id !== null && r.author_member_id === viewer.memberId;
  const insider = mine || viewer.moderator;
  // a hidden message is a bare marker for everyone but its author and the moderators
  const marker = r.status === 'hidden' && !insider;
  const reactions: Partial<Record<Reaction, number>> = {};
  const myReactions: Reaction[] = [];
  if (!marker) {
    for (const [reaction, { n, mine: given }] of extras.reactions.get(r.id) ?? []) {
      reactions[reaction] = n;
      if (given) myReactions.push(reaction);
    }
  }
  return {
    ...base,
    author: r.author_member_id
      ? { memberId: r.author_member_id, displayName: r.author_name ?? '?', role: (r.author_current_role ?? r.author_role ?? 'family') as LabRole }
      : null,
    mine,
    clientId: mine ? r.client_id : null,
    body: marker ? null : r.body,
    language: r.language,
    mentions: marker ? [] : r.mentions.filter((id) => extras.names.has(id)).map((id) => ({ memberId: id, displayName: extras.names.get(id)! })),
    reactions,
    myReactions,
    flaggedByMe: r.flagged_by_me,
    flagCount: viewer.moderator ? r.flag_count : 0,
    rejectReason: insider ? r.reject_reason : null,
    heldBecause: insider ? r.held_because : null,
    moderatedAt: r.moderated_at ? r.moderated_at.toISOString() : null,
  };
}
