import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThreadStore } from './sync.js';
import { describeChanges } from './thread.js';

/**
 * The text of the polite live region under the thread: new messages of others (by name, or how many), and what
 * became of mine. Never the first load; the latest news replaces the previous one.
 */
export function useAnnouncements(store: ThreadStore): string {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  useEffect(
    () =>
      store.onChange((before, after) => {
        const c = describeChanges(before, after);
        const parts: string[] = [];
        if (c.arrived.length === 1) parts.push(t('dialogues.announce.one', { name: c.arrived[0].author?.displayName ?? '' }));
        else if (c.arrived.length > 1) parts.push(t('dialogues.announce.many', { count: c.arrived.length }));
        for (const m of c.mySent) parts.push(m.status === 'pending' ? t('dialogues.announce.sentWaiting') : t('dialogues.announce.sent'));
        if (c.myApproved.length) parts.push(t('dialogues.announce.approved', { count: c.myApproved.length }));
        if (c.myRejected.length) parts.push(t('dialogues.announce.rejected', { count: c.myRejected.length }));
        if (parts.length) setText(parts.join(' '));
      }),
    [store, t],
  );
  return text;
}
