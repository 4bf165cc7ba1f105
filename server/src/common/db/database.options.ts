import type { TypeOrmModuleOptions } from '@nestjs/typeorm';
import { AuditEntry } from '../../modules/audit/audit-entry.entity.js';
import { AuthSession } from '../../modules/identity/auth-session.entity.js';
import { User } from '../../modules/identity/user.entity.js';
import { Invitation } from '../../modules/labs/invitation.entity.js';
import { Lab } from '../../modules/labs/lab.entity.js';
import { LabMember } from '../../modules/labs/lab-member.entity.js';
import { Reflection, ReflectionKeyRow, ReflectionSectionRow, ReflectionTemplateRow } from '../../modules/reflections/reflection.entity.js';
import { Board } from '../../modules/boards/board.entity.js';
import { Dialogue, DialogueConsent, DialogueParticipant } from '../../modules/dialogues/dialogue.entity.js';
import { DialogueFlag, DialogueMessage, DialogueReaction } from '../../modules/dialogues/dialogue-message.entity.js';
import { LabWatchedWords } from '../../modules/dialogues/watched-words.entity.js';
import { SESSION_ENTITIES } from '../../modules/sessions/session.entity.js';
import { MIGRATIONS } from './migrations/index.js';
import { SnakeNamingStrategy } from './naming.strategy.js';

export const ENTITIES = [
  User, AuthSession, Lab, LabMember, Invitation, AuditEntry,
  Reflection, ReflectionSectionRow, ReflectionKeyRow, ReflectionTemplateRow, Board,
  Dialogue, DialogueParticipant, DialogueConsent, DialogueMessage, DialogueReaction, DialogueFlag, LabWatchedWords,
  ...SESSION_ENTITIES,
];

/**
 * The schema comes only from migrations, applied at boot. The embedded database is
 * single-connection, so its pool holds exactly one (ADR 0002).
 */
export function databaseOptions(url: string, embedded: boolean): TypeOrmModuleOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    // failed queries are not logged by TypeORM: their parameters can hold personal data
    logging: ['migration'],
    extra: { max: embedded ? 1 : 10, connectionTimeoutMillis: 10_000 },
  };
}
