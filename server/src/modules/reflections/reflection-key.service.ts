import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EMPTY_REFLECTION_KEY, reflectionKeySchema, type ReflectionKey } from '@relab/shared';
import { AppError } from '../../common/errors/app-error.js';
import { DomainEventBus } from '../../common/events/domain-events.js';
import type { LabMember } from '../labs/lab-member.entity.js';
import { KeyVault } from './key-vault.js';
import { ReflectionKeyRow } from './reflection.entity.js';
import { ReflectionsService } from './reflections.service.js';

/**
 * The author's key of a reflection: names to look for, pseudonym ↔ real detail, details marked "not identifying".
 * Encrypted at rest; opened only for the author (anyone else gets REFLECTION_NOT_FOUND, audited); never logged,
 * never in the Yjs document, exports or search.
 */
@Injectable()
export class ReflectionKeyService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly vault: KeyVault,
    private readonly reflections: ReflectionsService,
    private readonly events: DomainEventBus,
  ) {}

  async get(labId: string, id: string, member: LabMember): Promise<ReflectionKey> {
    await this.assertAuthor(labId, id, member);
    const key = await this.load(id);
    await this.events.emit('reflection.key_opened', { actorId: member.userId, labId, reflectionId: id });
    return key;
  }

  async put(labId: string, id: string, member: LabMember, key: ReflectionKey): Promise<ReflectionKey> {
    await this.assertAuthor(labId, id, member);
    const sealed = this.vault.seal(JSON.stringify(key), id);
    await this.db.getRepository(ReflectionKeyRow).upsert({ reflectionId: id, ...sealed }, ['reflectionId']);
    await this.events.emit('reflection.key_saved', { actorId: member.userId, labId, reflectionId: id });
    return key;
  }

  /** For the sharing gate (server side only): the key, or an empty one when none was saved. */
  async load(id: string): Promise<ReflectionKey> {
    const row = await this.db.getRepository(ReflectionKeyRow).findOneBy({ reflectionId: id });
    if (!row) return EMPTY_REFLECTION_KEY;
    const plain = this.vault.open(row, id);
    if (plain === null) throw new AppError('INTERNAL', 'The key of this reflection cannot be opened with the configured key');
    const parsed = reflectionKeySchema.safeParse(JSON.parse(plain));
    if (!parsed.success) throw new AppError('INTERNAL', 'The key of this reflection is not readable');
    return parsed.data;
  }

  private async assertAuthor(labId: string, id: string, member: LabMember): Promise<void> {
    const { reflection } = await this.reflections.open(labId, id, member);
    if (reflection.authorId !== member.userId) {
      await this.events.emit('access.denied', { actorId: member.userId, labId, action: 'open reflection key', resourceType: 'reflection', resourceId: id });
      throw new AppError('REFLECTION_NOT_FOUND', 'No such reflection');
    }
  }
}
