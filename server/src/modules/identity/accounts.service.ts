import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { type EntityManager, Repository } from 'typeorm';
import type { Language, Me, Sector, UpdateMeRequest } from '@relab/shared';
import { AppError } from '../../common/errors/app-error.js';
import { normaliseCode, randomCode, sha256 } from '../../common/auth/secrets.js';
import { DomainEventBus } from '../../common/events/domain-events.js';
import { PasswordService } from './password.service.js';
import { SessionsService } from './sessions.service.js';
import { User } from './user.entity.js';

export interface NewProfessional {
  email: string;
  password: string;
  displayName: string;
  language: Language;
  sector?: Sector | null;
  canCreateLabs?: boolean;
  isAdmin?: boolean;
}

/** Accounts: professionals (e-mail + password) and participants (pseudonym + recovery code). */
@Injectable()
export class AccountsService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionsService,
    private readonly events: DomainEventBus,
  ) {}

  findByEmail(email: string, manager?: EntityManager): Promise<User | null> {
    return (manager?.getRepository(User) ?? this.users).findOne({
      where: { email: email.toLowerCase() },
      select: { id: true, kind: true, email: true, passwordHash: true, displayName: true, language: true, municipality: true, sector: true, canCreateLabs: true, isAdmin: true, disabledAt: true, createdAt: true },
    });
  }

  async createProfessional(input: NewProfessional, manager?: EntityManager): Promise<User> {
    const repo = manager?.getRepository(User) ?? this.users;
    if (await repo.existsBy({ email: input.email.toLowerCase() })) throw new AppError('EMAIL_TAKEN', 'An account with this e-mail exists');
    const user = repo.create({
      id: randomUUID(),
      kind: 'professional',
      email: input.email.toLowerCase(),
      passwordHash: await this.passwords.hash(input.password),
      displayName: input.displayName,
      language: input.language,
      municipality: null,
      sector: input.sector ?? null,
      // Professionals may open labs of their own; participants never can (ADR 0003).
      canCreateLabs: input.canCreateLabs ?? true,
      isAdmin: input.isAdmin ?? false,
      recoveryCodeHash: null,
      disabledAt: null,
    });
    await repo.insert(user);
    return user;
  }

  /** A family member or returnee: pseudonym and language only. Returns the recovery code, shown once. */
  async createParticipant(displayName: string, language: Language, manager?: EntityManager): Promise<{ user: User; recoveryCode: string }> {
    const repo = manager?.getRepository(User) ?? this.users;
    const recoveryCode = randomCode(16);
    const user = repo.create({
      id: randomUUID(),
      kind: 'participant',
      email: null,
      passwordHash: null,
      displayName,
      language,
      municipality: null,
      sector: null,
      canCreateLabs: false,
      isAdmin: false,
      recoveryCodeHash: sha256(normaliseCode(recoveryCode)),
      disabledAt: null,
    });
    await repo.insert(user);
    return { user, recoveryCode };
  }

  /** Finds the participant behind a recovery code and rotates the code (each code works once). */
  async redeemRecoveryCode(code: string): Promise<{ user: User; recoveryCode: string } | null> {
    const user = await this.users.findOneBy({ recoveryCodeHash: sha256(normaliseCode(code)) });
    if (!user || user.disabledAt) return null;
    const recoveryCode = randomCode(16);
    await this.users.update({ id: user.id }, { recoveryCodeHash: sha256(normaliseCode(recoveryCode)) });
    return { user, recoveryCode };
  }

  async updateMe(user: User, patch: UpdateMeRequest): Promise<User> {
    const changes: Partial<User> = {};
    if (patch.displayName !== undefined) changes.displayName = patch.displayName;
    if (patch.language !== undefined) changes.language = patch.language;
    if (patch.municipality !== undefined) changes.municipality = patch.municipality || null;
    await this.users.update({ id: user.id }, changes);
    return { ...user, ...changes };
  }

  async disable(actorId: string, userId: string): Promise<void> {
    const result = await this.users.update({ id: userId }, { disabledAt: new Date() });
    if (!result.affected) throw new AppError('NOT_FOUND', 'No such account');
    await this.sessions.revokeAllForUser(userId);
    await this.events.emit('account.disabled', { actorId, userId });
  }

  toMe(user: User): Me {
    return {
      id: user.id,
      kind: user.kind,
      displayName: user.displayName,
      email: user.email,
      language: user.language,
      municipality: user.municipality,
      sector: user.sector,
      canCreateLabs: user.canCreateLabs,
      isAdmin: user.isAdmin,
    };
  }
}
