import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { peersOf, type Peer } from './presence.js';

/**
 * The other people on the board (awareness), leaving out `ignoreUserId` (my other tabs). Re-read only when another
 * client's state changes (my own cursor moving does not re-render anything).
 */
export function usePeers(awareness: Awareness | null, ignoreUserId: string): Peer[] {
  const [peers, setPeers] = useState<Peer[]>([]);
  useEffect(() => {
    if (!awareness) {
      setPeers([]);
      return undefined;
    }
    const read = () =>
      setPeers(peersOf(awareness.getStates() as Map<number, Record<string, unknown>>, awareness.clientID).filter((p) => p.userId !== ignoreUserId));
    const onChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      const mine = awareness.clientID;
      if ([...added, ...updated, ...removed].some((id) => id !== mine)) read();
    };
    read();
    awareness.on('change', onChange);
    return () => awareness.off('change', onChange);
  }, [awareness, ignoreUserId]);
  return peers;
}
