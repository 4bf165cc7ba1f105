import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { LabRole } from '@relab/shared';

interface Actor {
  actorId: string | null;
}

/**
 * Typed events between modules. Feature modules emit; `audit` (and later `activity`, `collab`) listen.
 * Payloads carry ids only, never content or personal data.
 */
export interface DomainEvents {
  'auth.login': Actor;
  'auth.login_failed': Actor;
  'auth.logout': Actor;
  'auth.recovered': Actor;
  'account.disabled': Actor & { userId: string };
  'lab.created': Actor & { labId: string };
  'lab.updated': Actor & { labId: string };
  'member.joined': Actor & { labId: string; memberId: string; userId: string; role: LabRole; invitationId: string };
  'member.role_changed': Actor & { labId: string; memberId: string; userId: string; role: LabRole };
  'member.removed': Actor & { labId: string; memberId: string; userId: string };
  'invitation.created': Actor & { labId: string; invitationId: string };
  'invitation.revoked': Actor & { labId: string; invitationId: string };
  'access.denied': Actor & { labId: string | null; action: string; resourceType: string; resourceId: string | null };
  'reflection.created': ReflectionEvent;
  'reflection.updated': ReflectionEvent;
  'reflection.opened': ReflectionEvent;
  'reflection.doc_opened': ReflectionEvent & { sectionId: string | null };
  'reflection.key_opened': ReflectionEvent;
  'reflection.key_saved': ReflectionEvent;
  'reflection.section_created': ReflectionEvent & { sectionId: string };
  'reflection.section_updated': ReflectionEvent & { sectionId: string };
  'reflection.review_requested': ReflectionEvent & { reviewerId: string };
  'reflection.returned': ReflectionEvent;
  'reflection.shared': ReflectionEvent;
  'reflection.exported': ReflectionEvent & { format: 'md' | 'pdf' };
  'lab.template_updated': Actor & { labId: string };
  'board.created': Actor & { labId: string; boardId: string };
  'board.vote_opened': Actor & { labId: string; boardId: string };
  'board.vote_closed': Actor & { labId: string; boardId: string };
  'dialogue.created': DialogueEvent;
  'dialogue.updated': DialogueEvent;
  'dialogue.participant_added': DialogueEvent & { memberId: string; moderator: boolean };
  'dialogue.participant_removed': DialogueEvent & { memberId: string };
  'dialogue.consented': DialogueEvent & { memberId: string; version: number };
  /** A message was stored (any status). `replyToAuthorId` / `mentionedMemberIds`: for interaction tracking (issue 7). */
  'dialogue.message_sent': DialogueEvent & { messageId: string; authorMemberId: string; status: string; replyToAuthorMemberId: string | null; mentionedMemberIds: string[] };
  'dialogue.message_moderated': DialogueEvent & { messageId: string; action: string };
  'dialogue.message_flagged': DialogueEvent & { messageId: string };
  'dialogue.messages_erased': DialogueEvent & { memberId: string; count: number };
  'dialogue.watched_words_updated': Actor & { labId: string };
  'session.created': SessionEvent & { count: number };
  'session.updated': SessionEvent;
  'session.cancelled': SessionEvent;
  'session.consented': SessionEvent & { memberId: string; version: number };
  'session.started': SessionEvent;
  'session.ended': SessionEvent;
  'session.joined': SessionEvent & { memberId: string };
  /** The report of a session was downloaded (it lists who attended). */
  'session.exported': SessionEvent & { format: 'md' | 'pdf' };
  'lab.ground_rules_updated': Actor & { labId: string; version: number };
  'lab.activity_settings_updated': Actor & { labId: string };
  /** A researcher export of the lab's interaction data was downloaded. */
  'activity.exported': Actor & { labId: string; format: 'csv' | 'graphml' };
  /** A member's identity was removed from the lab's interaction events (erasure on request). */
  'activity.member_erased': Actor & { labId: string; memberId: string };
  /*
   * Not audited (interaction sources for the `activity` module, issue 7; ids only, never content).
   * `replyToUserId`: the author of the thread a reply answers; `mentionedUserIds`: users @mentioned in the comment.
   */
  'reflection.comment_added': ReflectionEvent & { commentId: string; replyToUserId: string | null; mentionedUserIds: string[] };
  /** The text of a reflection was changed by `actorId` (a stored update). */
  'reflection.content_edited': ReflectionEvent;
  /** Two members' shapes were related on a board: a connector between them, or both in one frame. `key` names the relation. */
  'board.shapes_related': Actor & { labId: string; boardId: string; relation: 'connect' | 'group'; key: string; userIds: [string, string] };
  /** A dot vote on a shape (not the shape's content, not the count). */
  'board.vote_cast': Actor & { labId: string; boardId: string; roundId: string; shapeId: string; shapeAuthorId: string };
  /** Not audited: tells the collaboration core to re-check who may keep these documents open. */
  'doc.access_changed': Actor & { docs: string[] };
}

interface DialogueEvent extends Actor {
  labId: string;
  dialogueId: string;
}

interface SessionEvent extends Actor {
  labId: string;
  sessionId: string;
}

interface ReflectionEvent extends Actor {
  labId: string;
  reflectionId: string;
}
export type DomainEventName = keyof DomainEvents;
export const DOMAIN_EVENT_NAMES: DomainEventName[] = [
  'auth.login', 'auth.login_failed', 'auth.logout', 'auth.recovered', 'account.disabled',
  'lab.created', 'lab.updated', 'member.joined', 'member.role_changed', 'member.removed',
  'invitation.created', 'invitation.revoked', 'access.denied',
  'reflection.created', 'reflection.updated', 'reflection.opened', 'reflection.doc_opened', 'reflection.key_opened',
  'reflection.key_saved', 'reflection.section_created', 'reflection.section_updated', 'reflection.review_requested',
  'reflection.returned', 'reflection.shared', 'reflection.exported', 'lab.template_updated',
  'board.created', 'board.vote_opened', 'board.vote_closed',
  'dialogue.created', 'dialogue.updated', 'dialogue.participant_added', 'dialogue.participant_removed', 'dialogue.consented',
  'dialogue.message_sent', 'dialogue.message_moderated', 'dialogue.message_flagged', 'dialogue.messages_erased',
  'dialogue.watched_words_updated',
  'session.created', 'session.updated', 'session.cancelled', 'session.consented', 'session.started', 'session.ended',
  'session.joined', 'session.exported', 'lab.ground_rules_updated',
  'lab.activity_settings_updated', 'activity.exported', 'activity.member_erased',
];

/** Emits typed domain events and waits for every listener, so the audit row exists before the response. */
@Injectable()
export class DomainEventBus {
  constructor(private readonly emitter: EventEmitter2) {}

  async emit<K extends DomainEventName>(name: K, payload: DomainEvents[K]): Promise<void> {
    await this.emitter.emitAsync(name, payload);
  }

  on<K extends DomainEventName>(name: K, listener: (payload: DomainEvents[K]) => Promise<void> | void): void {
    this.emitter.on(name, listener as (p: unknown) => Promise<void>);
  }
}
