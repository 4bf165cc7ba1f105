import { useEffect, useRef } from 'react';
import type { DocAccess } from '@relab/shared';

/**
 * Loads the reflection again when the server changes this user's access to its document while it is open (it does so
 * when the status changes: approval, sending back, withdrawal), unless the detail already says so (after my own
 * action). Only a change counts, so a lasting disagreement never loads in a loop.
 */
export function useReloadOnAccessChange(live: DocAccess | null, expected: DocAccess, reload: () => void): void {
  const previous = useRef<DocAccess | null>(null);
  useEffect(() => {
    if (live === null) return;
    const before = previous.current;
    previous.current = live;
    if (before !== null && before !== live && live !== expected) reload();
  }, [live, expected, reload]);
}
