import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { liveTopic, type LiveState, type SessionReport, type SessionStatus } from '@relab/shared';
import { AppError } from '../../common/errors/app-error.js';
import { DomainEventBus } from '../../common/events/domain-events.js';
import { LiveService } from '../../live/live.service.js';
import { LabMember } from '../labs/lab-member.entity.js';
import { AttendanceService } from './attendance.service.js';
import { GroundRulesService } from './ground-rules.service.js';
import { applyTimer, freshTimer, type TimerAction } from './live-state.js';
import { ReportService } from './report.service.js';
import { SessionVersionsService } from './session-versions.service.js';
import { LabSession, SessionItem } from './session.entity.js';
import { SessionStateService } from './session-state.service.js';

/**
 * The live session room: facilitators start it, move through the agenda, run the timer, bring everyone to an item,
 * lower hands and end it; members raise and lower their own hand. Every change is made under a row lock on the
 * session, committed, then the complete state is published to `session:<id>`. Every action needs the actor's
 * consent to the lab's current ground rules.
 */
@Injectable()
export class LiveRoomService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rules: GroundRulesService,
    private readonly states: SessionStateService,
    private readonly attendance: AttendanceService,
    private readonly versions: SessionVersionsService,
    private readonly reports: ReportService,
    private readonly live: LiveService,
    private readonly events: DomainEventBus,
  ) {}

  async start(labId: string, id: string, member: LabMember): Promise<LiveState> {
    const state = await this.change(labId, id, member, ['planned'], async (s, m, now) => {
      await m.getRepository(LabSession).update({ id }, { status: 'live', startedAt: now, updatedAt: now });
    });
    await this.events.emit('session.started', { actorId: member.userId, labId, sessionId: id });
    // whoever is already waiting in the room is there from the start
    await this.attendance.record(id, await this.live.presenceNow(liveTopic('session', id)));
    return state;
  }

  /** The item becomes current: covered from now (the first time), its timer set to its minutes, not running. */
  async setItem(labId: string, id: string, member: LabMember, itemId: string): Promise<LiveState> {
    return this.change(labId, id, member, ['live'], async (s, m, now) => {
      const item = await this.item(m, id, itemId);
      if (s.currentItemId !== item.id) {
        await this.closeCurrentItem(m, s, now);
        if (!item.coveredAt) await m.getRepository(SessionItem).update({ id: item.id }, { coveredAt: now });
      }
      await m.getRepository(LabSession).update(
        { id },
        { currentItemId: item.id, itemStartedAt: s.currentItemId === item.id ? s.itemStartedAt : now, ...freshTimer(item.minutes * 60), updatedAt: now },
      );
    });
  }

  async timer(labId: string, id: string, member: LabMember, action: TimerAction, seconds: number | undefined): Promise<LiveState> {
    if (action === 'pause' && seconds !== undefined) {
      throw new AppError('VALIDATION_FAILED', 'A length goes with start or reset', [{ path: 'seconds', message: 'Only with start or reset' }]);
    }
    return this.change(labId, id, member, ['live'], async (s, m, now) => {
      const current = s.currentItemId ? await m.getRepository(SessionItem).findOneBy({ id: s.currentItemId, sessionId: id }) : null;
      const next = applyTimer(s, action, seconds, current ? current.minutes * 60 : null, now);
      if (!next) throw new AppError('VALIDATION_FAILED', 'Nothing to time: choose an agenda item or give a length', [{ path: 'seconds', message: 'Required without a current item' }]);
      await m.getRepository(LabSession).update({ id }, { ...next, updatedAt: now });
    });
  }

  /** Everyone in the room is taken to the item (a notice only; the current item does not change). */
  async bring(labId: string, id: string, member: LabMember, itemId: string): Promise<void> {
    await this.rules.requireConsent(labId, member.id);
    const s = await this.session(this.db.manager, labId, id, ['live']);
    await this.item(this.db.manager, s.id, itemId);
    this.states.bring(id, itemId);
  }

  /** Raising keeps your place if your hand is already up; lowering and raising again puts you at the end. */
  async hand(labId: string, id: string, member: LabMember, raised: boolean): Promise<LiveState> {
    return this.change(labId, id, member, ['live'], async (_s, m) => {
      if (raised) {
        await m.query(`INSERT INTO lab_session_hands (session_id, member_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [id, member.id]);
      } else {
        await m.query(`DELETE FROM lab_session_hands WHERE session_id = $1 AND member_id = $2`, [id, member.id]);
      }
    });
  }

  async lowerHand(labId: string, id: string, member: LabMember, memberId: string): Promise<LiveState> {
    return this.change(labId, id, member, ['live'], async (_s, m) => {
      const target = await m.getRepository(LabMember).findOneBy({ id: memberId, labId });
      if (!target) throw new AppError('MEMBER_NOT_FOUND', 'No such member in this lab');
      await m.query(`DELETE FROM lab_session_hands WHERE session_id = $1 AND member_id = $2`, [id, memberId]);
    });
  }

  /** Ends the session, then saves an automatic version of every document it touched; answers the report. */
  async end(labId: string, id: string, member: LabMember): Promise<SessionReport> {
    await this.change(labId, id, member, ['live'], async (s, m, now) => {
      await this.closeCurrentItem(m, s, now);
      await m.getRepository(LabSession).update(
        { id },
        { status: 'ended', endedAt: now, currentItemId: null, itemStartedAt: null, timerTotalSeconds: null, timerRemainingSeconds: null, timerEndsAt: null, updatedAt: now },
      );
      await m.query(`DELETE FROM lab_session_hands WHERE session_id = $1`, [id]);
      await this.attendance.closeAll(m, id, now);
    });
    await this.versions.saveAll(labId, id);
    await this.events.emit('session.ended', { actorId: member.userId, labId, sessionId: id });
    return this.reports.report(labId, id);
  }

  /** Runs one change under the session's row lock, then reads and publishes the new state. */
  private async change(
    labId: string,
    id: string,
    member: LabMember,
    allowed: SessionStatus[],
    fn: (s: LabSession, m: EntityManager, now: Date) => Promise<void>,
  ): Promise<LiveState> {
    await this.rules.requireConsent(labId, member.id);
    const session = await this.db.transaction(async (m) => {
      const s = await this.session(m, labId, id, allowed, true);
      await fn(s, m, new Date());
      return m.getRepository(LabSession).findOneByOrFail({ id });
    });
    const state = await this.states.state(session);
    this.states.publish(state);
    return state;
  }

  private async session(m: EntityManager, labId: string, id: string, allowed: SessionStatus[], lock = false): Promise<LabSession> {
    const s = await m.getRepository(LabSession).findOne({ where: { id, labId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!s) throw new AppError('SESSION_NOT_FOUND', 'No such session');
    if (!allowed.includes(s.status)) throw new AppError('SESSION_WRONG_STATUS', `The session is ${s.status}`, { status: s.status });
    return s;
  }

  private async item(m: EntityManager, sessionId: string, itemId: string): Promise<SessionItem> {
    const item = await m.getRepository(SessionItem).findOneBy({ id: itemId, sessionId });
    if (!item) throw new AppError('AGENDA_ITEM_NOT_FOUND', 'No such agenda item in this session');
    return item;
  }

  /** Adds the time spent on the current item to it. */
  private async closeCurrentItem(m: EntityManager, s: LabSession, now: Date): Promise<void> {
    if (!s.currentItemId || !s.itemStartedAt) return;
    const seconds = Math.max(0, Math.round((now.getTime() - s.itemStartedAt.getTime()) / 1000));
    await m.query(`UPDATE lab_session_items SET spent_seconds = spent_seconds + $2 WHERE id = $1`, [s.currentItemId, seconds]);
  }
}
