import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { z } from 'zod';
import {
  sessionNotesDocName,
  type createSessionSchema,
  type Language,
  type SessionDetail,
  type SessionSummary,
  type updateSessionSchema,
} from '@relab/shared';
import { AppError } from '../../common/errors/app-error.js';
import { DomainEventBus } from '../../common/events/domain-events.js';
import type { LabMember } from '../labs/lab-member.entity.js';
import { AgendaService, checkItemIds } from './agenda.service.js';
import { GroundRulesService } from './ground-rules.service.js';
import { isKnownTimeZone, occurrenceStarts } from './recurrence.js';
import { LabSession } from './session.entity.js';
import { SessionStateService } from './session-state.service.js';

export type CreateSession = z.output<typeof createSessionSchema>;
export type UpdateSession = z.output<typeof updateSessionSchema>;

/** A session may start at most this long ago when planned (a typo in the year is caught), and at most 5 years ahead. */
const PAST_GRACE_MS = 24 * 3600 * 1000;
const FUTURE_LIMIT_MS = 5 * 366 * 24 * 3600 * 1000;
const MINUTE = 60_000;

/** Planning: sessions and recurring series, their agenda, cancellation; what members see of them. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly agenda: AgendaService,
    private readonly rules: GroundRulesService,
    private readonly states: SessionStateService,
    private readonly events: DomainEventBus,
  ) {}

  async list(labId: string, when: 'upcoming' | 'past'): Promise<SessionSummary[]> {
    const q = this.db.getRepository(LabSession).createQueryBuilder('s').where('s.lab_id = :labId', { labId });
    if (when === 'upcoming') {
      q.andWhere(`(s.status = 'live' OR (s.status IN ('planned', 'cancelled') AND s.ends_at > now()))`).orderBy('s.starts_at', 'ASC');
    } else {
      q.andWhere(`(s.status = 'ended' OR (s.status IN ('planned', 'cancelled') AND s.ends_at <= now()))`).orderBy('s.starts_at', 'DESC');
    }
    const rows = await q.addOrderBy('s.id', 'ASC').take(500).getMany();
    return rows.map(summary);
  }

  /** One session, or a series: `occurrences` sessions sharing a seriesId, each with its own copy of the agenda. */
  async create(labId: string, member: LabMember, body: CreateSession): Promise<SessionSummary[]> {
    if (body.recurrence === 'none' && body.occurrences > 1) invalid('occurrences', 'A single session has one occurrence');
    if (!isKnownTimeZone(body.timeZone)) invalid('timeZone', 'Unknown time zone');
    const starts = occurrenceStarts(body.startsAt, body.timeZone, body.recurrence, body.occurrences);
    if (!starts) invalid('startsAt', 'Not a valid date');
    checkWhen(starts[0]!, 'startsAt');
    checkWhen(starts[starts.length - 1]!, 'occurrences');
    await this.agenda.checkRefs(labId, member, body.agenda);
    const seriesId = randomUUID();
    const ids = starts.map(() => randomUUID());
    const created = await this.db.transaction(async (m) => {
      const rows: LabSession[] = [];
      for (const [i, startsAt] of starts.entries()) {
        const row = m.getRepository(LabSession).create({
          id: ids[i]!,
          labId,
          seriesId,
          title: body.title,
          startsAt,
          endsAt: new Date(startsAt.getTime() + body.durationMinutes * MINUTE),
          timeZone: body.timeZone,
          location: body.location || null,
          onlineUrl: body.onlineUrl,
          recurrence: body.recurrence,
          status: 'planned',
          sequence: 0,
          createdBy: member.userId,
        });
        await m.getRepository(LabSession).insert(row);
        // ids in the request are ignored here: each session of a series gets items of its own
        await this.agenda.replace(m, row.id, body.agenda.map(({ id: _id, ...item }) => item), []);
        rows.push(row);
      }
      return rows;
    });
    await this.events.emit('session.created', { actorId: member.userId, labId, sessionId: ids[0]!, count: ids.length });
    return (await this.db.getRepository(LabSession).findBy(created.map((r) => ({ id: r.id })))).sort((a, b) => +a.startsAt - +b.startsAt).map(summary);
  }

  async find(labId: string, id: string, m: EntityManager = this.db.manager): Promise<LabSession> {
    const session = await m.getRepository(LabSession).findOneBy({ id, labId });
    if (!session) throw new AppError('SESSION_NOT_FOUND', 'No such session');
    return session;
  }

  async detail(labId: string, id: string, member: LabMember): Promise<SessionDetail> {
    const session = await this.find(labId, id);
    const items = await this.agenda.items(id);
    return {
      ...summary(session),
      agenda: await this.agenda.view(labId, items, member),
      live: await this.states.state(session),
      notesDocName: sessionNotesDocName(id),
      groundRules: await this.rules.current(labId),
      me: {
        memberId: member.id,
        role: member.role,
        facilitator: member.role === 'facilitator',
        consentedVersion: await this.rules.consentedVersion(member.id),
      },
    };
  }

  /** Changes this one session (not the rest of its series); not once it ended or was cancelled. */
  async update(labId: string, id: string, member: LabMember, patch: UpdateSession): Promise<SessionDetail> {
    const before = await this.find(labId, id);
    assertEditable(before);
    if (patch.agenda) {
      const existing = await this.agenda.items(id);
      checkItemIds(patch.agenda, existing);
      await this.agenda.checkRefs(labId, member, patch.agenda, existing);
    }
    if (patch.startsAt !== undefined) checkWhen(new Date(patch.startsAt), 'startsAt');
    await this.db.transaction(async (m) => {
      const s = await m.getRepository(LabSession).findOne({ where: { id, labId }, lock: { mode: 'pessimistic_write' } });
      if (!s) throw new AppError('SESSION_NOT_FOUND', 'No such session');
      assertEditable(s);
      const duration = patch.durationMinutes !== undefined ? patch.durationMinutes * MINUTE : s.endsAt.getTime() - s.startsAt.getTime();
      if (patch.startsAt !== undefined) s.startsAt = new Date(patch.startsAt);
      s.endsAt = new Date(s.startsAt.getTime() + duration);
      if (patch.title !== undefined) s.title = patch.title;
      if (patch.location !== undefined) s.location = patch.location || null;
      if (patch.onlineUrl !== undefined) s.onlineUrl = patch.onlineUrl;
      s.sequence += 1;
      await m.getRepository(LabSession).update(
        { id },
        { title: s.title, startsAt: s.startsAt, endsAt: s.endsAt, location: s.location, onlineUrl: s.onlineUrl, sequence: s.sequence, updatedAt: new Date() },
      );
      if (patch.agenda) await this.agenda.replace(m, id, patch.agenda, await this.agenda.items(id, m));
    });
    await this.events.emit('session.updated', { actorId: member.userId, labId, sessionId: id });
    await this.states.publishLatest(id);
    return this.detail(labId, id, member);
  }

  async cancel(labId: string, id: string, member: LabMember): Promise<SessionDetail> {
    await this.db.transaction(async (m) => {
      const s = await m.getRepository(LabSession).findOne({ where: { id, labId }, lock: { mode: 'pessimistic_write' } });
      if (!s) throw new AppError('SESSION_NOT_FOUND', 'No such session');
      if (s.status !== 'planned') throw new AppError('SESSION_WRONG_STATUS', 'Only a planned session can be cancelled');
      await m.getRepository(LabSession).update({ id }, { status: 'cancelled', sequence: s.sequence + 1, updatedAt: new Date() });
    });
    await this.events.emit('session.cancelled', { actorId: member.userId, labId, sessionId: id });
    await this.states.publishLatest(id);
    return this.detail(labId, id, member);
  }

  /** Accepts the lab's current ground rules (in the member's language) from this session's page. */
  async consent(labId: string, id: string, member: LabMember, version: number, language: Language): Promise<SessionDetail> {
    await this.find(labId, id);
    await this.rules.consent(labId, member, version, language, id);
    return this.detail(labId, id, member);
  }
}

export function summary(s: LabSession): SessionSummary {
  return {
    id: s.id,
    labId: s.labId,
    seriesId: s.seriesId,
    title: s.title,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    timeZone: s.timeZone,
    location: s.location,
    onlineUrl: s.onlineUrl,
    recurrence: s.recurrence,
    status: s.status,
  };
}

function assertEditable(s: LabSession): void {
  if (s.status === 'ended' || s.status === 'cancelled') throw new AppError('SESSION_WRONG_STATUS', `A ${s.status} session cannot be changed`);
}

function checkWhen(at: Date, path: string): void {
  const now = Date.now();
  if (Number.isNaN(at.getTime()) || at.getTime() < now - PAST_GRACE_MS || at.getTime() > now + FUTURE_LIMIT_MS) {
    invalid(path, 'A session is planned between yesterday and five years from now');
  }
}

function invalid(path: string, message: string): never {
  throw new AppError('VALIDATION_FAILED', message, [{ path, message }]);
}
