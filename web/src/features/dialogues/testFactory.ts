/** Fictional messages for the unit tests of this folder. */
import type { DialogueMessage, MessagesPage } from '@relab/shared';

let counter = 0;

/** A published message of someone else, seq and rev taken from `n` unless given. */
export function message(n: number, patch: Partial<DialogueMessage> = {}): DialogueMessage {
  counter++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    seq: n,
    rev: n,
    status: 'published',
    author: { memberId: 'member-other', displayName: 'Nadia', role: 'family' },
    mine: false,
    clientId: null,
    body: `Message ${n} (${counter})`,
    language: 'fr',
    replyTo: null,
    mentions: [],
    reactions: {},
    myReactions: [],
    flaggedByMe: false,
    flagCount: 0,
    rejectReason: null,
    heldBecause: null,
    createdAt: new Date(Date.UTC(2026, 2, 12, 10, 0, n)).toISOString(),
    moderatedAt: null,
    ...patch,
  };
}

export function page(messages: DialogueMessage[], rev?: number, more = false): MessagesPage {
  return { messages, rev: rev ?? messages.reduce((max, m) => Math.max(max, m.rev), 0), more };
}
