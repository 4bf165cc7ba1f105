import { Injectable } from '@nestjs/common';
import type { LiveErrorCode, LiveTopicKind, PresentMember } from '@relab/shared';
import type { User } from '../modules/identity/user.entity.js';

export type TopicVerdict = { ok: true; member: PresentMember } | { ok: false; code: LiveErrorCode };

/**
 * What a feature registers for one kind of topic (e.g. `dialogue`): who may subscribe, and whether presence is
 * tracked. `authorize` answers NOT_FOUND for topics that do not exist and for those the user may not see alike.
 */
export interface TopicPolicy {
  authorize(user: User, id: string): Promise<TopicVerdict>;
  /** Track and announce who is subscribed (live sessions). */
  presence?: boolean;
  /** Called after each presence change is computed, with everyone present (e.g. to record attendance). */
  onPresence?(id: string, members: PresentMember[]): Promise<void> | void;
}

/** The registry features fill at start-up; `live/` itself knows no feature. */
@Injectable()
export class LiveTopics {
  private readonly policies = new Map<LiveTopicKind, TopicPolicy>();

  register(kind: LiveTopicKind, policy: TopicPolicy): void {
    if (this.policies.has(kind)) throw new Error(`live topic kind ${kind} registered twice`);
    this.policies.set(kind, policy);
  }

  get(kind: LiveTopicKind): TopicPolicy | undefined {
    return this.policies.get(kind);
  }
}
