import { Injectable } from '@nestjs/common';
import { liveTopic } from '@relab/shared';
import { LiveService } from '../../live/live.service.js';

/**
 * The notices dialogues send on `/live`. They only say that something changed (and the rev to fetch from), never
 * message text: clients fetch over REST, so a lost notice costs a delay, never a message.
 */
@Injectable()
export class DialogueLive {
  constructor(private readonly live: LiveService) {}

  /** Messages every participant may see changed: fetch since your rev. */
  messages(dialogueId: string, rev: number): void {
    this.live.publish({ topic: liveTopic('dialogue', dialogueId), type: 'dialogue.messages', rev });
  }

  /** The moderation queue (or a flag count) changed. */
  queue(dialogueId: string, pending: number): void {
    this.live.publish({ topic: liveTopic('dialogue-mod', dialogueId), type: 'dialogue.queue', pending });
  }

  /** Settings, ground rules or participants changed: fetch the dialogue again. */
  updated(dialogueId: string): void {
    this.live.publish({ topic: liveTopic('dialogue', dialogueId), type: 'dialogue.updated' });
  }

  /** To the author only (all their devices): one of their own messages changed where others cannot see. */
  mine(userId: string | null, dialogueId: string, rev: number): void {
    if (userId) this.live.toUser(userId, { topic: liveTopic('dialogue', dialogueId), type: 'dialogue.mine', dialogueId, rev });
  }

  /** Someone left or lost a role: sockets no longer allowed leave both topics, in every process. */
  async recheck(dialogueId: string): Promise<void> {
    await this.live.recheckTopic(liveTopic('dialogue', dialogueId));
    await this.live.recheckTopic(liveTopic('dialogue-mod', dialogueId));
  }
}
