import type { LabRole, MessageStatus, ModerationAction, ModerationMode, WatchedAction } from '@relab/shared';
import type { HeldBecause } from './dialogue-message.entity.js';

/** Professionals publish at once; families and returnees are moderated by the dialogue's mode. */
export const isProfessionalWriter = (role: LabRole) => role === 'facilitator' || role === 'practitioner';

/** Facilitators always moderate; practitioners when named moderator; nobody else, whatever the row says. */
export function isModeratorRole(role: LabRole, namedModerator: boolean): boolean {
  return role === 'facilitator' || (role === 'practitioner' && namedModerator);
}

/** Observers never take part in dialogues. */
export const mayTakePart = (role: LabRole) => role !== 'observer';

export interface SendContext {
  role: LabRole;
  mode: ModerationMode;
  firstN: number;
  /** How many of the author's messages in this dialogue were ever approved. */
  approvedCount: number;
  /** The strongest watched-word action that matched (block is refused before this). */
  watched: WatchedAction | null;
}

/** Whether the author's next message waits for a moderator, and why (watched words aside). */
export function moderatedBecause(ctx: Omit<SendContext, 'watched'>): HeldBecause | null {
  if (isProfessionalWriter(ctx.role) || ctx.mode === 'post') return null;
  if (ctx.mode === 'pre') return 'pre';
  return ctx.approvedCount < ctx.firstN ? 'first_n' : null;
}

/** The status a new message is stored with. A "hold" watched word holds anyone's message, professionals' too. */
export function initialStatus(ctx: SendContext): { status: 'pending' | 'published'; heldBecause: HeldBecause | null } {
  if (ctx.watched === 'hold') return { status: 'pending', heldBecause: 'watched_word' };
  const held = moderatedBecause(ctx);
  return held ? { status: 'pending', heldBecause: held } : { status: 'published', heldBecause: null };
}

export interface Transition {
  status: MessageStatus;
  heldBecause: HeldBecause | null;
}

/**
 * What a moderator's action does to a message, or null when it cannot apply:
 * - approve: pending (or rejected, to undo a rejection) → published
 * - reject: pending → rejected
 * - hide: published → hidden; hidden by flags → hidden, reviewed (it leaves the flagged queue)
 * - restore: hidden → published
 * Erased messages are beyond moderation.
 */
export function transition(status: MessageStatus, heldBecause: HeldBecause | null, action: ModerationAction): Transition | null {
  switch (action) {
    case 'approve':
      return status === 'pending' || status === 'rejected' ? { status: 'published', heldBecause: null } : null;
    case 'reject':
      return status === 'pending' ? { status: 'rejected', heldBecause: null } : null;
    case 'hide':
      if (status === 'published') return { status: 'hidden', heldBecause: null };
      return status === 'hidden' && heldBecause === 'flags' ? { status: 'hidden', heldBecause: null } : null;
    case 'restore':
      return status === 'hidden' ? { status: 'published', heldBecause: null } : null;
  }
}
