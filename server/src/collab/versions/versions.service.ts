import { Injectable } from '@nestjs/common';
import * as Y from 'yjs';
import type { VersionContent, VersionSummary } from '@relab/shared';
import { AppError } from '../../common/errors/app-error.js';
import type { User } from '../../modules/identity/user.entity.js';
import { DocAccessRegistry, type ResolvedDoc } from '../doc-access.registry.js';
import { DocumentManager } from '../documents/document-manager.js';
import { VersionStore } from '../documents/version-store.js';
import { restoreRoots } from './restore.js';

/** Named versions: save (by hand, or automatically when a session on the document ends), list, view, restore. */
@Injectable()
export class VersionsService {
  constructor(
    private readonly registry: DocAccessRegistry,
    private readonly docs: DocumentManager,
    private readonly store: VersionStore,
  ) {}

  /** The document, if the user may at least read it (or write it, when asked); otherwise 404 as if it did not exist. */
  async authorize(user: User, name: string, need: 'read' | 'write'): Promise<ResolvedDoc> {
    const ref = this.registry.resolve(name);
    if (!ref) throw new AppError('DOC_NOT_FOUND', 'No such document');
    const access = await this.registry.accessOf(user, ref);
    if (access === 'none') throw new AppError('DOC_NOT_FOUND', 'No such document');
    if (need === 'write' && access !== 'write') throw new AppError('FORBIDDEN', 'Read-only access');
    return ref;
  }

  async list(user: User, name: string): Promise<VersionSummary[]> {
    const ref = await this.authorize(user, name, 'read');
    return this.store.list(ref.name);
  }

  async save(user: User, name: string, versionName: string): Promise<VersionSummary> {
    const ref = await this.authorize(user, name, 'write');
    return this.store.save(ref.name, versionName, 'manual', user.id, await this.docs.snapshot(ref));
  }

  /**
   * An automatic version, saved by the server (e.g. when a live session that touched the document ends).
   * Null when the document type is unknown or it has no content yet.
   */
  async saveAuto(name: string, versionName: string): Promise<VersionSummary | null> {
    const ref = this.registry.resolve(name);
    if (!ref) return null;
    const state = await this.docs.snapshot(ref);
    return this.store.save(ref.name, versionName, 'auto', null, state);
  }

  async get(user: User, name: string, id: string): Promise<VersionContent> {
    const ref = await this.authorize(user, name, 'read');
    const summary = await this.store.summary(ref.name, id);
    const state = summary && (await this.store.state(ref.name, id));
    if (!summary || !state) throw new AppError('VERSION_NOT_FOUND', 'No such version');
    return { ...summary, state: Buffer.from(state).toString('base64') };
  }

  /** A restore is a new change on top of the current document (and is itself kept as a version). */
  async restore(user: User, name: string, id: string): Promise<void> {
    const ref = await this.authorize(user, name, 'write');
    const summary = await this.store.summary(ref.name, id);
    const state = summary && (await this.store.state(ref.name, id));
    if (!summary || !state) throw new AppError('VERSION_NOT_FOUND', 'No such version');
    const source = new Y.Doc();
    try {
      Y.applyUpdate(source, state);
      await this.docs.change(ref, user.id, (doc) => restoreRoots(doc, source, ref.policy.roots));
    } finally {
      source.destroy();
    }
    await this.store.save(ref.name, summary.name, 'restore', user.id, await this.docs.snapshot(ref));
  }
}
