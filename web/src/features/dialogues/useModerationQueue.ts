import { liveTopic, type ModerationQueue } from '@relab/shared';
import { useLiveTopic } from '../../live/useLiveTopic.js';
import { useApiQuery, type ApiQuery } from '../../lib/useApiQuery.js';
import { dialoguesApi } from './api.js';

/**
 * The moderators' queue (pending and flagged messages), loaded again on every `dialogue.queue` notice of the
 * moderators' topic and after every (re)subscription. Pass enabled=false for non-moderators: nothing is asked.
 */
export function useModerationQueue(labId: string, dialogueId: string, enabled: boolean, onChange?: () => void): ApiQuery<ModerationQueue> {
  const queue = useApiQuery<ModerationQueue>(
    () => (enabled ? dialoguesApi.queue(labId, dialogueId) : Promise.resolve({ pending: [], flagged: [] })),
    [labId, dialogueId, enabled],
  );
  useLiveTopic(enabled ? liveTopic('dialogue-mod', dialogueId) : null, {
    onNotice: (notice) => {
      if (notice.type === 'dialogue.queue') {
        queue.reload();
        // Moderators see waiting messages in the thread too: fetch them there as well.
        onChange?.();
      }
    },
    onSync: queue.reload,
  });
  return queue;
}
