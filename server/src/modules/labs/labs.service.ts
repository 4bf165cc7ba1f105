import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';
import type { CreateLabRequest, Lab as LabDto, LabRole, UpdateLabRequest } from '@relab/shared';
import { AppError } from '../../common/errors/app-error.js';
import { DomainEventBus } from '../../common/events/domain-events.js';
import type { User } from '../identity/user.entity.js';
import { Lab } from './lab.entity.js';
import { LabMember } from './lab-member.entity.js';

@Injectable()
export class LabsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(Lab) private readonly labs: Repository<Lab>,
    private readonly events: DomainEventBus,
  ) {}

  /** The caller's labs, with their role and the member count. */
  async listFor(userId: string): Promise<LabDto[]> {
    const rows: Array<Lab & { myRole: LabRole; memberCount: string }> = await this.labs
      .createQueryBuilder('l')
      .innerJoin(LabMember, 'm', 'm.lab_id = l.id AND m.user_id = :userId', { userId })
      .addSelect('m.role', 'myRole')
      .addSelect('(SELECT count(*) FROM lab_members c WHERE c.lab_id = l.id)', 'memberCount')
      .orderBy('l.name', 'ASC')
      .getRawAndEntities()
      .then(({ raw, entities }) => entities.map((e, i) => ({ ...e, myRole: raw[i].myRole, memberCount: raw[i].memberCount })));
    return rows.map((r) => this.toDto(r, r.myRole, Number(r.memberCount)));
  }

  async get(labId: string, myRole: LabRole): Promise<LabDto> {
    const lab = await this.labs.findOneBy({ id: labId });
    if (!lab) throw new AppError('LAB_NOT_FOUND', 'No such lab');
    const count = await this.db.getRepository(LabMember).countBy({ labId });
    return this.toDto(lab, myRole, count);
  }

  /** Creates a lab; its creator becomes its first facilitator, in the same transaction. */
  async create(creator: User, input: Required<CreateLabRequest>): Promise<LabDto> {
    if (!creator.canCreateLabs) throw new AppError('FORBIDDEN', 'This account cannot create labs');
    const lab = await this.db.transaction(async (m) => {
      const lab = m.create(Lab, { id: randomUUID(), ...input, createdBy: creator.id });
      await m.insert(Lab, lab);
      await m.insert(LabMember, { id: randomUUID(), labId: lab.id, userId: creator.id, role: 'facilitator', sector: creator.sector });
      return m.findOneByOrFail(Lab, { id: lab.id });
    });
    await this.events.emit('lab.created', { actorId: creator.id, labId: lab.id });
    return this.toDto(lab, 'facilitator', 1);
  }

  async update(actorId: string, labId: string, patch: UpdateLabRequest): Promise<LabDto> {
    await this.labs.update({ id: labId }, { ...patch, updatedAt: new Date() });
    await this.events.emit('lab.updated', { actorId, labId });
    return this.get(labId, 'facilitator');
  }

  private toDto(lab: Lab, myRole: LabRole, memberCount: number): LabDto {
    return {
      id: lab.id,
      name: lab.name,
      languages: lab.languages,
      description: lab.description,
      groundRules: lab.groundRules,
      createdAt: lab.createdAt.toISOString(),
      myRole,
      memberCount,
    };
  }
}
