import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { isPseudonymousRole, type LabRole, type Member, type UpdateMemberRequest } from '@relab/shared';
import { AppError } from '../../common/errors/app-error.js';
import { DomainEventBus } from '../../common/events/domain-events.js';
import { SessionsService } from '../identity/sessions.service.js';
import type { User } from '../identity/user.entity.js';
import { LabMember } from './lab-member.entity.js';

/** Advisory lock key per lab, so two facilitators cannot demote each other into a lab without one. */
const LAB_LOCK = `SELECT pg_advisory_xact_lock(hashtext('lab:' || $1))`;

@Injectable()
export class MembersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: SessionsService,
    private readonly events: DomainEventBus,
  ) {}

  async list(labId: string, viewer: LabMember): Promise<Member[]> {
    const members = await this.db.getRepository(LabMember).find({ where: { labId }, relations: { user: true }, order: { joinedAt: 'ASC' } });
    return members.map((m) => this.toDto(m, m.user!, viewer.role));
  }

  async update(actor: LabMember, memberId: string, patch: UpdateMemberRequest): Promise<Member> {
    const updated = await this.db.transaction(async (m) => {
      await m.query(LAB_LOCK, [actor.labId]);
      const member = await this.find(m, actor.labId, memberId);
      if (patch.role !== undefined) {
        if (isPseudonymousRole(patch.role) !== (member.user!.kind === 'participant')) {
          throw new AppError('WRONG_ACCOUNT_KIND', 'Families and returnees keep a pseudonymous role; professionals a professional one');
        }
        if (member.role === 'facilitator' && patch.role !== 'facilitator') await this.assertAnotherFacilitator(m, member);
        member.role = patch.role;
      }
      if (patch.sector !== undefined) {
        if (member.user!.kind === 'participant' && patch.sector !== null) throw new AppError('WRONG_ACCOUNT_KIND', 'Families and returnees have no sector');
        member.sector = patch.sector;
      }
      await m.update(LabMember, { id: member.id }, { role: member.role, sector: member.sector });
      return member;
    });
    if (patch.role !== undefined) {
      await this.events.emit('member.role_changed', { actorId: actor.userId, labId: actor.labId, memberId, userId: updated.userId, role: updated.role });
    }
    return this.toDto(updated, updated.user!, actor.role);
  }

  /** Removes a member and ends their sessions at once. */
  async remove(actor: LabMember, memberId: string): Promise<void> {
    const removed = await this.db.transaction(async (m) => {
      await m.query(LAB_LOCK, [actor.labId]);
      const member = await this.find(m, actor.labId, memberId);
      if (member.role === 'facilitator') await this.assertAnotherFacilitator(m, member);
      await m.delete(LabMember, { id: member.id });
      return member;
    });
    await this.sessions.revokeAllForUser(removed.userId);
    await this.events.emit('member.removed', { actorId: actor.userId, labId: actor.labId, memberId, userId: removed.userId });
  }

  private async find(m: EntityManager, labId: string, memberId: string): Promise<LabMember> {
    const member = await m.findOne(LabMember, { where: { id: memberId, labId }, relations: { user: true } });
    if (!member) throw new AppError('MEMBER_NOT_FOUND', 'No such member in this lab');
    return member;
  }

  private async assertAnotherFacilitator(m: EntityManager, member: LabMember): Promise<void> {
    const count = await m.countBy(LabMember, { labId: member.labId, role: 'facilitator' });
    if (count <= 1) throw new AppError('LAST_FACILITATOR', 'A lab keeps at least one facilitator');
  }

  /** Families and returnees appear by pseudonym only; e-mail addresses only to facilitators. */
  toDto(member: LabMember, user: User, viewerRole: LabRole): Member {
    const participant = user.kind === 'participant';
    return {
      id: member.id,
      userId: user.id,
      displayName: user.displayName,
      role: member.role,
      sector: participant ? null : member.sector,
      language: user.language,
      municipality: participant ? null : user.municipality,
      email: !participant && viewerRole === 'facilitator' ? user.email : null,
      joinedAt: member.joinedAt.toISOString(),
    };
  }
}
