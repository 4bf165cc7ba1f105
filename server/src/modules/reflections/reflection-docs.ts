import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { REFLECTION_DOC_TYPE, REFLECTION_LIMITS, REFLECTION_ROOTS, REFLECTION_SECTION_DOC_TYPE, SECTION_ROOTS, uuidSchema, type DocAccess } from '@relab/shared';
import { DocAccessRegistry, type StoredChange } from '../../collab/doc-access.registry.js';
import { DomainEventBus } from '../../common/events/domain-events.js';
import type { User } from '../identity/user.entity.js';
import { checkReflectionUpdate } from './comment-rules.js';
import { commentInteractions, touchedText } from './reflection-interactions.js';
import { Reflection } from './reflection.entity.js';
import { ReflectionsService } from './reflections.service.js';

/**
 * Puts reflections on the collaboration core: `reflection:<id>` (text + comments) and `reflection-section:<id>`
 * (a need-to-know section: its own document, so its text never reaches a socket that may not open it).
 * Every join is an audited opening.
 */
@Injectable()
export class ReflectionDocs implements OnModuleInit {
  constructor(
    private readonly registry: DocAccessRegistry,
    private readonly reflections: ReflectionsService,
    private readonly events: DomainEventBus,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      type: REFLECTION_DOC_TYPE,
      roots: REFLECTION_ROOTS,
      access: (user, id) => (valid(id) ? this.reflections.docAccess(user, id) : Promise.resolve('none')),
      validate: checkReflectionUpdate,
      onJoin: (user, id) => this.joined(user, id, null),
      onStored: (id, change) => this.stored(id, change),
    });
    this.registry.register({
      type: REFLECTION_SECTION_DOC_TYPE,
      roots: SECTION_ROOTS,
      validate: (_doc, update) => (update.byteLength > REFLECTION_LIMITS.maxUpdateBytes ? 'MESSAGE_TOO_LARGE' : null),
      access: (user, id) => (valid(id) ? this.reflections.sectionDocAccess(user, id) : Promise.resolve('none')),
      onJoin: (user, id) => this.joinedSection(user, id),
      onStored: async (id, change) => {
        const where = await this.reflections.labOfSection(id);
        if (where) await this.events.emit('reflection.content_edited', { actorId: change.userId, labId: where.labId, reflectionId: where.reflectionId });
      },
    });
  }

  /** Interaction sources for the activity module: comments (replies, mentions) and edits of the text. */
  private async stored(reflectionId: string, change: StoredChange): Promise<void> {
    const labId = await this.labOf(reflectionId);
    if (!labId) return;
    const base = { actorId: change.userId, labId, reflectionId };
    const keys = change.changed.get('comments');
    if (keys) {
      for (const c of commentInteractions(change.doc, keys, change.userId)) await this.events.emit('reflection.comment_added', { ...base, ...c });
    }
    if (touchedText(change.changed)) await this.events.emit('reflection.content_edited', base);
  }

  private readonly labs = new Map<string, string>();

  /** The lab of a reflection (a reflection never changes lab, so it is kept). */
  private async labOf(reflectionId: string): Promise<string | null> {
    const known = this.labs.get(reflectionId);
    if (known) return known;
    const rows: Array<{ lab_id: string }> = await this.db.query(`SELECT lab_id FROM reflections WHERE id = $1`, [reflectionId]);
    const labId = rows[0]?.lab_id ?? null;
    if (labId) {
      if (this.labs.size > 10_000) this.labs.clear();
      this.labs.set(reflectionId, labId);
    }
    return labId;
  }

  private async joined(user: User, reflectionId: string, sectionId: string | null): Promise<void> {
    const r = await this.db.getRepository(Reflection).findOneBy({ id: reflectionId });
    if (!r) return;
    await this.events.emit('reflection.doc_opened', { actorId: user.id, labId: r.labId, reflectionId, sectionId });
  }

  private async joinedSection(user: User, sectionId: string): Promise<void> {
    const where = await this.reflections.labOfSection(sectionId);
    if (where) await this.events.emit('reflection.doc_opened', { actorId: user.id, labId: where.labId, reflectionId: where.reflectionId, sectionId });
  }
}

function valid(id: string): boolean {
  return uuidSchema.safeParse(id).success;
}

export type { DocAccess };
