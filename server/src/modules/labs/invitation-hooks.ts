import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LabRole } from '@relab/shared';
import { AppError } from '../../common/errors/app-error.js';

/** What the dialogues module plugs into invitations, so that labs knows nothing of dialogues (issue 6). */
export interface DialogueInvitationTarget {
  /** At creation: the dialogue must be one of the lab's that this role can take part in; throws an AppError if not. */
  check(labId: string, role: LabRole, dialogueId: string): Promise<void>;
  /** Inside the join transaction, right after the member row: makes the new member a participant. */
  enter(m: EntityManager, labId: string, memberId: string, dialogueId: string): Promise<void>;
}

/** Extension points of invitations, filled by feature modules at start-up. */
@Injectable()
export class InvitationHooks {
  private dialogue: DialogueInvitationTarget | null = null;

  registerDialogue(target: DialogueInvitationTarget): void {
    if (this.dialogue) throw new Error('dialogue invitation target registered twice');
    this.dialogue = target;
  }

  async checkDialogue(labId: string, role: LabRole, dialogueId: string): Promise<void> {
    if (!this.dialogue) throw new AppError('VALIDATION_FAILED', 'Dialogues are not available', [{ path: 'dialogueId', message: 'Not available' }]);
    await this.dialogue.check(labId, role, dialogueId);
  }

  async enterDialogue(m: EntityManager, labId: string, memberId: string, dialogueId: string): Promise<void> {
    if (!this.dialogue) throw new Error('an invitation names a dialogue but no dialogue target is registered');
    await this.dialogue.enter(m, labId, memberId, dialogueId);
  }
}
