import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DIALOGUE_LIMITS,
  type CreateDialogueRequest,
  type DialogueDetail,
  type DialogueParticipant as ParticipantDto,
  type DialogueSummary,
  type LabRole,
  type UpdateDialogueRequest,
} from '@relab/shared';
import { AppError } from '../../common/errors/app-error.js';
import { DomainEventBus } from '../../common/events/domain-events.js';
import type { LabMember } from '../labs/lab-member.entity.js';
import { DialogueAccess, type Seat } from './dialogue-access.js';
import { DialogueLive } from './dialogue-live.js';
import { Dialogue } from './dialogue.entity.js';
import { isModeratorRole, isProfessionalWriter, mayTakePart, moderatedBecause } from './moderation-rules.js';

export const textHash = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

type Issue = { path: string; message: string };

/** Dialogues themselves: listing, opening, settings, participants and consent to the ground rules. */
@Injectable()
export class DialoguesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: DialogueAccess,
    private readonly events: DomainEventBus,
    private readonly live: DialogueLive,
  ) {}

  /** The dialogues the member is in (facilitators: all of the lab's); observers have none. */
  async list(labId: string, member: LabMember): Promise<DialogueSummary[]> {
    if (!mayTakePart(member.role)) return [];
    const rows = await this.db
      .getRepository(Dialogue)
      .createQueryBuilder('d')
      .where('d.lab_id = :labId', { labId })
      .andWhere(
        member.role === 'facilitator' ? 'true' : 'EXISTS (SELECT 1 FROM dialogue_participants p WHERE p.dialogue_id = d.id AND p.member_id = :memberId)',
        { memberId: member.id },
      )
      .orderBy('COALESCE(d.last_message_at, d.created_at)', 'DESC')
      .limit(500)
      .getMany();
    const counts = await this.participantCounts(rows.map((r) => r.id));
    return rows.map((d) => summary(d, counts.get(d.id) ?? 0));
  }

  async create(labId: string, actor: LabMember, body: Required<CreateDialogueRequest>): Promise<DialogueDetail> {
    const id = randomUUID();
    const moderatorIds = new Set(body.moderatorIds);
    const wanted = [...new Set([...body.participantIds, ...body.moderatorIds].filter((x) => x !== actor.id))];
    const added = await this.db.transaction(async (m) => {
      await this.rolesOf(m, labId, wanted, (mid) => (body.moderatorIds.includes(mid) ? 'moderatorIds' : 'participantIds'), moderatorIds);
      if (wanted.length + 1 > DIALOGUE_LIMITS.participants) throw tooMany();
      await m.insert(Dialogue, {
        id, labId, title: body.title, groundRules: body.groundRules, groundRulesVersion: 1, languages: body.languages, mode: body.mode,
        firstN: body.firstN, slowModeSeconds: body.slowModeSeconds, flagThreshold: body.flagThreshold, paused: false, pauseReason: null,
        rev: '0', lastSeq: 0, lastMessageAt: null, createdBy: actor.userId,
      });
      const rows = [{ memberId: actor.id, moderator: true }, ...wanted.map((mid) => ({ memberId: mid, moderator: moderatorIds.has(mid) }))];
      await m.query(
        `INSERT INTO dialogue_participants (dialogue_id, member_id, moderator) SELECT $1, * FROM unnest($2::uuid[], $3::boolean[])`,
        [id, rows.map((r) => r.memberId), rows.map((r) => r.moderator)],
      );
      // the facilitator who wrote the ground rules accepts them by opening the dialogue
      await m.query(`INSERT INTO dialogue_consents (dialogue_id, member_id, version, text_hash) VALUES ($1, $2, 1, $3)`, [id, actor.id, textHash(body.groundRules)]);
      return rows;
    });
    const base = { actorId: actor.userId, labId, dialogueId: id };
    await this.events.emit('dialogue.created', base);
    for (const r of added) await this.events.emit('dialogue.participant_added', { ...base, memberId: r.memberId, moderator: r.moderator });
    await this.events.emit('dialogue.consented', { ...base, memberId: actor.id, version: 1 });
    return this.detail(await this.access.seat(labId, id, actor));
  }

  async detail(seat: Seat, m: EntityManager = this.db.manager): Promise<DialogueDetail> {
    const d = seat.dialogue;
    const people: Array<{ member_id: string; moderator: boolean; role: LabRole; display_name: string }> = await m.query(
      `SELECT p.member_id, p.moderator, lm.role, u.display_name FROM dialogue_participants p
       JOIN lab_members lm ON lm.id = p.member_id JOIN users u ON u.id = lm.user_id
       WHERE p.dialogue_id = $1 AND lm.role <> 'observer' ORDER BY p.added_at, u.display_name`,
      [d.id],
    );
    const [{ consented, approved }] = await m.query(
      `SELECT (SELECT max(version) FROM dialogue_consents WHERE dialogue_id = $1 AND member_id = $2) AS consented,
              (SELECT count(*)::int FROM dialogue_messages WHERE dialogue_id = $1 AND author_member_id = $2 AND ever_published) AS approved`,
      [d.id, seat.member.id],
    );
    const participants: ParticipantDto[] = people.map((p) => ({
      memberId: p.member_id,
      displayName: p.display_name,
      role: p.role,
      moderator: isModeratorRole(p.role, p.moderator),
    }));
    return {
      ...summary(d, participants.length),
      groundRules: d.groundRules,
      groundRulesVersion: d.groundRulesVersion,
      firstN: d.firstN,
      slowModeSeconds: d.slowModeSeconds,
      flagThreshold: d.flagThreshold,
      pauseReason: d.paused ? d.pauseReason : null,
      participants,
      me: {
        memberId: seat.member.id,
        participant: seat.participant,
        moderator: seat.moderator,
        consentedVersion: consented === null ? null : Number(consented),
        moderated: moderatedBecause({ role: seat.member.role, mode: d.mode, firstN: d.firstN, approvedCount: approved }) !== null,
      },
    };
  }

  /** Moderators change how the dialogue runs; only facilitators change its title, ground rules and languages. */
  async update(labId: string, id: string, actor: LabMember, patch: UpdateDialogueRequest): Promise<DialogueDetail> {
    const facilitatorOnly = (['title', 'groundRules', 'languages'] as const).filter((k) => patch[k] !== undefined);
    const result = await this.db.transaction(async (m) => {
      const seat = await this.access.seat(labId, id, actor, m, true);
      this.access.requireModerator(seat);
      if (facilitatorOnly.length && actor.role !== 'facilitator') throw new AppError('FORBIDDEN', `Only facilitators change ${facilitatorOnly.join(', ')}`);
      const d = seat.dialogue;
      const rulesChanged = patch.groundRules !== undefined && patch.groundRules !== d.groundRules;
      const next: Partial<Dialogue> = {
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.languages !== undefined ? { languages: patch.languages } : {}),
        ...(patch.mode !== undefined ? { mode: patch.mode } : {}),
        ...(patch.firstN !== undefined ? { firstN: patch.firstN } : {}),
        ...(patch.slowModeSeconds !== undefined ? { slowModeSeconds: patch.slowModeSeconds } : {}),
        ...(patch.flagThreshold !== undefined ? { flagThreshold: patch.flagThreshold } : {}),
        ...(patch.paused !== undefined ? { paused: patch.paused } : {}),
        ...(patch.pauseReason !== undefined ? { pauseReason: patch.pauseReason || null } : {}),
        ...(rulesChanged ? { groundRules: patch.groundRules!, groundRulesVersion: d.groundRulesVersion + 1 } : {}),
      };
      if (patch.paused === false) next.pauseReason = null;
      Object.assign(d, next, { updatedAt: new Date() });
      await m.update(Dialogue, { id }, { ...next, updatedAt: d.updatedAt });
      if (rulesChanged) {
        await m.query(`INSERT INTO dialogue_consents (dialogue_id, member_id, version, text_hash) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
          id, actor.id, d.groundRulesVersion, textHash(d.groundRules),
        ]);
      }
      return { seat, rulesChanged };
    });
    const base = { actorId: actor.userId, labId, dialogueId: id };
    await this.events.emit('dialogue.updated', base);
    if (result.rulesChanged) await this.events.emit('dialogue.consented', { ...base, memberId: actor.id, version: result.seat.dialogue.groundRulesVersion });
    this.live.updated(id);
    return this.detail(result.seat);
  }

  /** Adds members (or changes whether they moderate: the flag given is the one kept). */
  async addParticipants(labId: string, id: string, actor: LabMember, memberIds: string[], moderator: boolean): Promise<DialogueDetail> {
    const wanted = [...new Set(memberIds)];
    const changed = await this.db.transaction(async (m) => {
      await this.access.seat(labId, id, actor, m, true);
      await this.rolesOf(m, labId, wanted, () => 'memberIds', moderator ? new Set(wanted) : new Set());
      const before: Array<{ member_id: string; moderator: boolean }> = await m.query(`SELECT member_id, moderator FROM dialogue_participants WHERE dialogue_id = $1`, [id]);
      const had = new Map(before.map((r) => [r.member_id, r.moderator]));
      if (new Set([...had.keys(), ...wanted]).size > DIALOGUE_LIMITS.participants) throw tooMany();
      const rows = wanted.filter((mid) => had.get(mid) !== moderator);
      await m.query(
        `INSERT INTO dialogue_participants (dialogue_id, member_id, moderator) SELECT $1, unnest($2::uuid[]), $3
         ON CONFLICT (dialogue_id, member_id) DO UPDATE SET moderator = EXCLUDED.moderator`,
        [id, rows, moderator],
      );
      return rows.map((mid) => ({ memberId: mid, demoted: had.get(mid) === true }));
    });
    for (const c of changed) await this.events.emit('dialogue.participant_added', { actorId: actor.userId, labId, dialogueId: id, memberId: c.memberId, moderator });
    if (changed.length) this.live.updated(id);
    if (changed.some((c) => c.demoted)) await this.live.recheck(id);
    return this.detail(await this.access.seat(labId, id, actor));
  }

  /** Facilitators remove anyone; a member may leave. */
  async removeParticipant(labId: string, id: string, actor: LabMember, memberId: string): Promise<void> {
    const seat = await this.access.seat(labId, id, actor);
    if (memberId !== actor.id && actor.role !== 'facilitator') throw new AppError('FORBIDDEN', 'Only facilitators remove others from a dialogue');
    const removed = await this.removeSeat(this.db.manager, id, memberId);
    if (!removed) throw new AppError('MEMBER_NOT_FOUND', 'Not a participant of this dialogue');
    await this.events.emit('dialogue.participant_removed', { actorId: actor.userId, labId, dialogueId: seat.dialogue.id, memberId });
    this.live.updated(id);
    await this.live.recheck(id);
  }

  async removeSeat(m: EntityManager, dialogueId: string, memberId: string): Promise<boolean> {
    const [, count] = await m.query(`DELETE FROM dialogue_participants WHERE dialogue_id = $1 AND member_id = $2`, [dialogueId, memberId]);
    return count > 0;
  }

  /** Accepts the current ground rules. An older version (the rules changed meanwhile) is GROUND_RULES_OUTDATED. */
  async consent(labId: string, id: string, actor: LabMember, version: number): Promise<DialogueDetail> {
    const seat = await this.db.transaction(async (m) => {
      const seat = await this.access.seat(labId, id, actor, m, true);
      const d = seat.dialogue;
      if (version !== d.groundRulesVersion) throw new AppError('GROUND_RULES_OUTDATED', 'The ground rules changed; read them again', { version: d.groundRulesVersion });
      await m.query(`INSERT INTO dialogue_consents (dialogue_id, member_id, version, text_hash) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
        id, actor.id, version, textHash(d.groundRules),
      ]);
      return seat;
    });
    await this.events.emit('dialogue.consented', { actorId: actor.userId, labId, dialogueId: id, memberId: actor.id, version });
    return this.detail(seat);
  }

  /**
   * The lab roles of the members named, all of whom must be in the lab, none an observer, and those to moderate
   * practitioners or facilitators. Anything else is VALIDATION_FAILED with the offending entries.
   */
  private async rolesOf(m: EntityManager, labId: string, ids: string[], field: (id: string) => string, moderators: Set<string>): Promise<Map<string, LabRole>> {
    const rows: Array<{ id: string; role: LabRole }> = ids.length ? await m.query(`SELECT id, role FROM lab_members WHERE lab_id = $1 AND id = ANY($2::uuid[])`, [labId, ids]) : [];
    const roles = new Map(rows.map((r) => [r.id, r.role]));
    const issues: Issue[] = [];
    for (const id of ids) {
      const role = roles.get(id);
      if (!role) issues.push({ path: field(id), message: `${id} is not a member of this lab` });
      else if (!mayTakePart(role)) issues.push({ path: field(id), message: `${id} is an observer: observers do not take part in dialogues` });
      else if (moderators.has(id) && !isProfessionalWriter(role)) issues.push({ path: field(id), message: `${id} cannot moderate: only practitioners and facilitators do` });
    }
    if (issues.length) throw new AppError('VALIDATION_FAILED', 'Some members cannot be added', issues);
    return roles;
  }

  private async participantCounts(ids: string[]): Promise<Map<string, number>> {
    if (!ids.length) return new Map();
    const rows: Array<{ dialogue_id: string; n: number }> = await this.db.query(
      `SELECT p.dialogue_id, count(*)::int AS n FROM dialogue_participants p JOIN lab_members lm ON lm.id = p.member_id
       WHERE p.dialogue_id = ANY($1::uuid[]) AND lm.role <> 'observer' GROUP BY p.dialogue_id`,
      [ids],
    );
    return new Map(rows.map((r) => [r.dialogue_id, r.n]));
  }
}

const tooMany = () => new AppError('VALIDATION_FAILED', 'Too many participants', [{ path: 'memberIds', message: `At most ${DIALOGUE_LIMITS.participants}` }]);

function summary(d: Dialogue, participantCount: number): DialogueSummary {
  return {
    id: d.id,
    labId: d.labId,
    title: d.title,
    languages: d.languages,
    mode: d.mode,
    paused: d.paused,
    participantCount,
    rev: Number(d.rev),
    lastMessageAt: d.lastMessageAt ? d.lastMessageAt.toISOString() : null,
    createdAt: d.createdAt.toISOString(),
  };
}
