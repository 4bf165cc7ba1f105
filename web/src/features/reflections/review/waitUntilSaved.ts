import type { CollabProvider } from '../../../collab/CollabProvider.js';

/**
 * Resolves once every provider has stored its last change on the server (status 'saved'), or after `timeoutMs`
 * (true when all were saved). The sharing gate checks what the server has: a change still on its way would be missed.
 */
export function waitUntilSaved(providers: Iterable<CollabProvider>, timeoutMs = 8000): Promise<boolean> {
  const list = [...providers];
  const allSaved = () => list.every((p) => p.status === 'saved');
  if (allSaved()) return Promise.resolve(true);
  return new Promise((resolve) => {
    const offs: Array<() => void> = [];
    const finish = (result: boolean) => {
      clearTimeout(timer);
      offs.forEach((off) => off());
      resolve(result);
    };
    const timer = setTimeout(() => finish(allSaved()), timeoutMs);
    for (const p of list) offs.push(p.on('change', () => allSaved() && finish(true)));
  });
}
