import { z } from 'zod';
import { COLLAB_LIMITS } from '../collab/protocol.js';
import { text } from './common.js';

/** POST /api/collab/docs/:doc/versions */
export const saveVersionSchema = z.object({
  name: text(COLLAB_LIMITS.versionName.min, COLLAB_LIMITS.versionName.max),
});
export type SaveVersionRequest = z.infer<typeof saveVersionSchema>;

export const VERSION_KINDS = ['manual', 'auto', 'restore'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

export interface VersionSummary {
  id: string;
  doc: string;
  name: string;
  kind: VersionKind;
  createdAt: string;
  /** Display name of who saved it (pseudonym for families/returnees); null for automatic versions. */
  createdBy: string | null;
}

/** GET /api/collab/docs/:doc/versions/:id — the version's full Yjs state, base64 (standard alphabet). */
export interface VersionContent extends VersionSummary {
  state: string;
}
