import { CollabConnection } from './CollabConnection.js';
import { clearLocalCopies } from './localCopy.js';
import { closeLiveConnection } from '../live/LiveConnection.js';

/** At logout: close the live connections (they belonged to the session) and delete the user's local copies. */
export async function forgetCollabData(userId: string | undefined): Promise<void> {
  CollabConnection.closeAll();
  closeLiveConnection();
  if (userId) await clearLocalCopies(userId);
}
