import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { PresentMember } from '@relab/shared';
import { AppError } from '../../common/errors/app-error.js';
import { hydrate, selectColumns } from '../../common/db/hydrate.js';
import type { User } from '../identity/user.entity.js';
import { LabMember } from '../labs/lab-member.entity.js';
import { Dialogue, DialogueParticipant } from './dialogue.entity.js';
import type { Viewer } from './message-view.js';
import { isModeratorRole, mayTakePart } from './moderation-rules.js';

/** A lab member's place in one dialogue. */
export interface Seat {
  dialogue: Dialogue;
  member: LabMember;
  /** Listed as a participant (and not an observer). */
  participant: boolean;
  /** Facilitator of the lab, or a practitioner named moderator. */
  moderator: boolean;
}

/**
 * Who is in a dialogue, decided in one place for REST and `/live`: a dialogue a member is not in looks exactly like
 * one that does not exist (DIALOGUE_NOT_FOUND). Observers are never in a dialogue.
 */
@Injectable()
export class DialogueAccess {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The member's seat, or DIALOGUE_NOT_FOUND. With `lock`, the dialogue row is locked FOR UPDATE (in a transaction). */
  async seat(labId: string, dialogueId: string, member: LabMember, m: EntityManager = this.db.manager, lock = false): Promise<Seat> {
    // one round trip for the dialogue and the member's participant row: this runs on every fetch of every client
    const [row]: Array<Record<string, unknown>> = await m.query(
      `SELECT ${selectColumns(m, Dialogue, 'd', '')}, p.member_id IS NOT NULL AS "p_listed", coalesce(p.moderator, false) AS "p_moderator"
       FROM dialogues d LEFT JOIN dialogue_participants p ON p.dialogue_id = d.id AND p.member_id = $3
       WHERE d.id = $1 AND d.lab_id = $2${lock ? ' FOR UPDATE OF d' : ''}`,
      [dialogueId, labId, member.id],
    );
    const seat = row ? this.seatOf(hydrate(m, Dialogue, row, ''), member, row.p_listed ? { moderator: row.p_moderator === true } : null) : null;
    if (!seat) throw new AppError('DIALOGUE_NOT_FOUND', 'No such dialogue');
    return seat;
  }

  /** For `/live`: the user's seat in the dialogue, or null (missing and not-yours alike). */
  async seatForUser(user: User, dialogueId: string): Promise<{ seat: Seat; present: PresentMember } | null> {
    const dialogue = await this.db.getRepository(Dialogue).findOneBy({ id: dialogueId });
    if (!dialogue) return null;
    const member = await this.db.getRepository(LabMember).findOneBy({ labId: dialogue.labId, userId: user.id });
    const seat = member && (await this.place(this.db.manager, dialogue, member));
    return seat ? { seat, present: { memberId: member.id, displayName: user.displayName, role: member.role } } : null;
  }

  requireModerator(seat: Seat): void {
    if (!seat.moderator) throw new AppError('FORBIDDEN', 'Only moderators of this dialogue may do this');
  }

  viewer(seat: Seat): Viewer {
    return { memberId: seat.member.id, moderator: seat.moderator };
  }

  private async place(m: EntityManager, dialogue: Dialogue, member: LabMember): Promise<Seat | null> {
    if (!mayTakePart(member.role) || member.labId !== dialogue.labId) return null;
    return this.seatOf(dialogue, member, await m.findOneBy(DialogueParticipant, { dialogueId: dialogue.id, memberId: member.id }));
  }

  private seatOf(dialogue: Dialogue, member: LabMember, row: { moderator: boolean } | null): Seat | null {
    if (!mayTakePart(member.role) || member.labId !== dialogue.labId) return null;
    const moderator = isModeratorRole(member.role, row?.moderator ?? false);
    if (!row && !moderator) return null;
    return { dialogue, member, participant: !!row, moderator };
  }
}
