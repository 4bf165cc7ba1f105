import { Injectable } from '@nestjs/common';
import { parseDocName, type CollabErrorCode, type DocAccess } from '@relab/shared';
import type * as Y from 'yjs';
import type { User } from '../modules/identity/user.entity.js';
import type { RootKind } from './protocol/update-check.js';

/**
 * What a feature registers to put a Yjs document type on the collaboration core.
 * The core knows nothing about labs, reflections or boards: it asks the type.
 */
export interface DocAccessPolicy {
  /** Prefix of the document names, e.g. `lab-notes` for `lab-notes:<labId>`. */
  type: string;
  /** The top-level shared types documents of this type may hold (used to validate updates and to restore versions). */
  roots: Record<string, RootKind>;
  /** none / read / write for this user on the document with this id. Unknown ids answer 'none'. */
  access(user: User, id: string): Promise<DocAccess>;
  /**
   * Content rules of the type, checked on every update from a writer after the core's own checks and before it is
   * applied (see `locateUpdate`). Returns an error code to refuse the whole update, or null. Must not throw.
   */
  validate?(doc: Y.Doc, update: Uint8Array, writer: { userId: string; context: unknown }): CollabErrorCode | null;
  /** What `validate` needs to know about a writer (e.g. their role), computed at join and whenever access is re-checked. */
  context?(user: User, id: string): Promise<unknown>;
  /**
   * Called after a writer's update was applied and stored (not awaited; errors are logged and dropped), with what
   * it changed: the top-level types and, for top-level maps, the keys. For features that derive facts from
   * documents (interactions for the activity module). Must not change the document.
   */
  onStored?(id: string, change: StoredChange): Promise<void> | void;
  /** Called after a user joined a document of this type (e.g. to audit the opening). */
  onJoin?(user: User, id: string, access: DocAccess): Promise<void> | void;
}

export interface StoredChange {
  doc: Y.Doc;
  userId: string;
  context: unknown;
  changed: ReadonlyMap<string, ReadonlySet<string | null>>;
}

export interface ResolvedDoc {
  name: string;
  id: string;
  policy: DocAccessPolicy;
  roots: ReadonlySet<string>;
}

/** The registry of document types. Feature modules register their policy in `onModuleInit`. */
@Injectable()
export class DocAccessRegistry {
  private readonly policies = new Map<string, { policy: DocAccessPolicy; roots: ReadonlySet<string> }>();

  register(policy: DocAccessPolicy): void {
    if (this.policies.has(policy.type)) throw new Error(`document type ${policy.type} registered twice`);
    this.policies.set(policy.type, { policy, roots: new Set(Object.keys(policy.roots)) });
  }

  /** The registered type of a document name, or null for a malformed name or an unknown type. */
  resolve(name: unknown): ResolvedDoc | null {
    const parsed = parseDocName(name);
    if (!parsed) return null;
    const entry = this.policies.get(parsed.type);
    return entry ? { name: name as string, id: parsed.id, policy: entry.policy, roots: entry.roots } : null;
  }

  async accessOf(user: User, doc: ResolvedDoc): Promise<DocAccess> {
    try {
      return await doc.policy.access(user, doc.id);
    } catch {
      return 'none';
    }
  }
}
