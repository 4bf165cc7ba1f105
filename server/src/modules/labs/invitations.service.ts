import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import {
  LIMITS, type AcceptInvitationRequest, type CreatedInvitation, type CreateInvitationRequest,
  type Invitation as InvitationDto, type InvitationPreview, type JoinRequest,
} from '@relab/shared';
import { AppError } from '../../common/errors/app-error.js';
import { normaliseCode, randomCode, randomToken, sha256 } from '../../common/auth/secrets.js';
import { DomainEventBus } from '../../common/events/domain-events.js';
import { AccountsService } from '../identity/accounts.service.js';
import type { User } from '../identity/user.entity.js';
import { Invitation } from './invitation.entity.js';
import { InvitationHooks } from './invitation-hooks.js';
import { Lab } from './lab.entity.js';
import { LabMember } from './lab-member.entity.js';

const DAY = 86_400_000;

export interface Redeemed {
  user: User;
  labId: string;
  recoveryCode?: string;
  /** The dialogue the invitation led into, if any. */
  dialogueId: string | null;
}

/** Single-use invitations: e-mail links for professionals, short codes for families and returnees. */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly accounts: AccountsService,
    private readonly events: DomainEventBus,
    private readonly hooks: InvitationHooks,
  ) {}

  async create(actor: LabMember, input: CreateInvitationRequest): Promise<CreatedInvitation> {
    const participant = input.kind === 'participant';
    const secret = participant ? randomCode(8) : randomToken();
    const days = participant ? LIMITS.participantInvitationDays : LIMITS.professionalInvitationDays;
    const dialogueId = input.dialogueId ?? null;
    if (dialogueId) await this.hooks.checkDialogue(actor.labId, input.role, dialogueId);
    const invitation = this.db.getRepository(Invitation).create({
      id: randomUUID(),
      labId: actor.labId,
      kind: input.kind,
      role: input.role,
      email: input.kind === 'professional' ? input.email.toLowerCase() : null,
      sector: input.kind === 'professional' ? (input.sector ?? null) : null,
      language: input.language ?? null,
      dialogueId,
      secretHash: this.hashSecret(input.kind, secret),
      expiresAt: new Date(Date.now() + days * DAY),
      usedAt: null,
      usedBy: null,
      revokedAt: null,
      createdBy: actor.userId,
    });
    await this.db.getRepository(Invitation).insert(invitation);
    await this.events.emit('invitation.created', { actorId: actor.userId, labId: actor.labId, invitationId: invitation.id });
    const saved = await this.db.getRepository(Invitation).findOneByOrFail({ id: invitation.id });
    return participant
      ? { invitation: this.toDto(saved), code: secret, link: `/join/${secret}` }
      : { invitation: this.toDto(saved), link: `/invite/${secret}` };
  }

  async list(labId: string): Promise<InvitationDto[]> {
    const rows = await this.db.getRepository(Invitation).find({ where: { labId }, order: { createdAt: 'DESC' } });
    return rows.map((r) => this.toDto(r));
  }

  async revoke(actor: LabMember, invitationId: string): Promise<void> {
    const repo = this.db.getRepository(Invitation);
    const invitation = await repo.findOneBy({ id: invitationId, labId: actor.labId });
    if (!invitation) throw new AppError('INVITATION_NOT_FOUND', 'No such invitation in this lab');
    if (invitation.usedAt) throw new AppError('INVITATION_USED', 'This invitation was already used');
    if (!invitation.revokedAt) await repo.update({ id: invitationId }, { revokedAt: new Date() });
    await this.events.emit('invitation.revoked', { actorId: actor.userId, labId: actor.labId, invitationId });
  }

  async preview(kind: 'professional' | 'participant', secret: string): Promise<InvitationPreview> {
    const invitation = await this.findUsable(this.db.manager, kind, secret);
    const lab = await this.db.getRepository(Lab).findOneByOrFail({ id: invitation.labId });
    return {
      labName: lab.name,
      role: invitation.role,
      kind: invitation.kind,
      expiresAt: invitation.expiresAt.toISOString(),
      ...(invitation.email ? { accountExists: !!(await this.accounts.findByEmail(invitation.email)) } : {}),
    };
  }

  /**
   * A family member or returnee redeems a join code. A participant already logged in on this device
   * joins with the same account; otherwise a pseudonymous account is created with a recovery code.
   */
  async join(input: Required<JoinRequest>, current: User | undefined): Promise<Redeemed> {
    if (current && current.kind !== 'participant') throw new AppError('WRONG_ACCOUNT_KIND', 'Log out before joining with a code');
    const result = await this.db.transaction(async (m) => {
      const invitation = await this.claim(m, 'participant', input.code);
      let user = current;
      let recoveryCode: string | undefined;
      if (!user) ({ user, recoveryCode } = await this.accounts.createParticipant(input.displayName, input.language, m));
      await this.addMember(m, invitation, user);
      await m.update(Invitation, { id: invitation.id }, { usedBy: user.id });
      return { user, labId: invitation.labId, recoveryCode, invitation, dialogueId: invitation.dialogueId };
    });
    await this.joined(result.invitation, result.user);
    return result;
  }

  /** A professional accepts an e-mail invitation, creating an account or, when logged in as the invitee, adding the lab. */
  async accept(input: AcceptInvitationRequest, current: User | undefined): Promise<Redeemed & { newAccount: boolean }> {
    const result = await this.db.transaction(async (m) => {
      const invitation = await this.claim(m, 'professional', input.token);
      let user = current;
      let newAccount = false;
      if (user) {
        if (user.email !== invitation.email) throw new AppError('FORBIDDEN', 'This invitation is for another account');
      } else {
        if (await this.accounts.findByEmail(invitation.email!, m)) throw new AppError('UNAUTHENTICATED', 'Log in to accept this invitation');
        if (!input.password || !input.displayName) {
          throw new AppError('VALIDATION_FAILED', 'A display name and a password are needed', [
            ...(input.displayName ? [] : [{ path: 'displayName', message: 'Required' }]),
            ...(input.password ? [] : [{ path: 'password', message: 'Required' }]),
          ]);
        }
        user = await this.accounts.createProfessional(
          { email: invitation.email!, password: input.password, displayName: input.displayName, language: input.language ?? invitation.language ?? 'nl', sector: invitation.sector },
          m,
        );
        newAccount = true;
      }
      await this.addMember(m, invitation, user);
      await m.update(Invitation, { id: invitation.id }, { usedBy: user.id });
      return { user, labId: invitation.labId, newAccount, invitation, dialogueId: invitation.dialogueId };
    });
    await this.joined(result.invitation, result.user);
    return result;
  }

  private async addMember(m: EntityManager, invitation: Invitation, user: User): Promise<void> {
    if (await m.existsBy(LabMember, { labId: invitation.labId, userId: user.id })) {
      throw new AppError('ALREADY_MEMBER', 'Already a member of this lab');
    }
    const memberId = randomUUID();
    await m.insert(LabMember, { id: memberId, labId: invitation.labId, userId: user.id, role: invitation.role, sector: invitation.sector ?? user.sector });
    // in the same transaction: nobody joins the lab and misses the dialogue they were invited into
    if (invitation.dialogueId) await this.hooks.enterDialogue(m, invitation.labId, memberId, invitation.dialogueId);
  }

  private async joined(invitation: Invitation, user: User): Promise<void> {
    const member = await this.db.getRepository(LabMember).findOneByOrFail({ labId: invitation.labId, userId: user.id });
    await this.events.emit('member.joined', { actorId: user.id, labId: invitation.labId, memberId: member.id, userId: user.id, role: member.role, invitationId: invitation.id });
  }

  /** Marks the invitation used, atomically: of two concurrent redemptions exactly one wins. */
  private async claim(m: EntityManager, kind: 'professional' | 'participant', secret: string): Promise<Invitation> {
    const invitation = await this.findUsable(m, kind, secret);
    const res = await m
      .createQueryBuilder()
      .update(Invitation)
      .set({ usedAt: () => 'now()' })
      .where('id = :id AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()', { id: invitation.id })
      .execute();
    if (res.affected !== 1) throw new AppError('INVITATION_USED', 'This invitation was already used');
    return invitation;
  }

  private async findUsable(m: EntityManager, kind: 'professional' | 'participant', secret: string): Promise<Invitation> {
    const invitation = await m.findOneBy(Invitation, { secretHash: this.hashSecret(kind, secret), kind });
    if (!invitation) throw new AppError('INVITATION_NOT_FOUND', 'Unknown invitation');
    if (invitation.revokedAt) throw new AppError('INVITATION_REVOKED', 'This invitation was withdrawn');
    if (invitation.usedAt) throw new AppError('INVITATION_USED', 'This invitation was already used');
    if (invitation.expiresAt.getTime() <= Date.now()) throw new AppError('INVITATION_EXPIRED', 'This invitation has expired');
    return invitation;
  }

  private hashSecret(kind: 'professional' | 'participant', secret: string): string {
    return sha256(kind === 'participant' ? normaliseCode(secret) : secret.trim());
  }

  private toDto(i: Invitation): InvitationDto {
    const status = i.usedAt ? 'used' : i.revokedAt ? 'revoked' : i.expiresAt.getTime() <= Date.now() ? 'expired' : 'pending';
    return {
      id: i.id,
      kind: i.kind,
      role: i.role,
      email: i.email,
      sector: i.sector,
      status,
      dialogueId: i.dialogueId,
      expiresAt: i.expiresAt.toISOString(),
      createdAt: i.createdAt.toISOString(),
    };
  }
}
