import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AgendaItem, AgendaKind, ReflectionStatus, Sector } from '@relab/shared';
import { AppError } from '../../common/errors/app-error.js';
import type { LabMember } from '../labs/lab-member.entity.js';
import { reflectionAccess } from '../reflections/access-rules.js';
import { SessionItem } from './session.entity.js';

/** One agenda item as parsed from a request (`agendaItemInputSchema`). */
export interface AgendaInput {
  id?: string;
  title: string;
  minutes: number;
  kind: AgendaKind;
  refId: string | null;
}

export type RefProblem = 'ref_required' | 'ref_not_allowed' | 'not_found';

interface ReflectionRow {
  id: string;
  title: string;
  author_id: string;
  status: ReflectionStatus;
  reviewer_id: string | null;
}

/**
 * The agenda of a session: validating what items point at (a reflection, board or dialogue of the same lab, of the
 * item's kind), replacing items while keeping their ids and coverage, and showing each reference's title only to
 * viewers who may see it (a draft reflection's title to its author only; families never see reflections).
 */
@Injectable()
export class AgendaService {
  private readonly logger = new Logger('Agenda');

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  items(sessionId: string, m: EntityManager = this.db.manager): Promise<SessionItem[]> {
    return m.getRepository(SessionItem).find({ where: { sessionId }, order: { position: 'ASC' } });
  }

  /**
   * 422 AGENDA_REF_INVALID (details: index and reason of each bad item) unless every item points at something of
   * this lab of its kind that the planner may see; free discussion points at nothing. An existing item whose
   * reference did not change is not checked again (another facilitator's draft stays where it was put).
   */
  async checkRefs(labId: string, planner: LabMember, input: AgendaInput[], existing: SessionItem[] = []): Promise<void> {
    const unchanged = new Set(existing.map((i) => `${i.id}|${i.kind}|${i.refId}`));
    const problems: Array<{ index: number; reason: RefProblem }> = [];
    const toFind: Record<'reflection' | 'board' | 'dialogue', Array<{ index: number; refId: string }>> = { reflection: [], board: [], dialogue: [] };
    input.forEach((item, index) => {
      if (item.kind === 'discussion') {
        if (item.refId !== null) problems.push({ index, reason: 'ref_not_allowed' });
      } else if (item.refId === null) {
        problems.push({ index, reason: 'ref_required' });
      } else if (!(item.id && unchanged.has(`${item.id}|${item.kind}|${item.refId}`))) {
        toFind[item.kind].push({ index, refId: item.refId });
      }
    });
    const found = {
      reflection: await this.visibleReflections(labId, planner, toFind.reflection.map((x) => x.refId)),
      board: await this.boardTitles(labId, toFind.board.map((x) => x.refId)),
      dialogue: await this.dialogueIds(labId, toFind.dialogue.map((x) => x.refId)),
    };
    for (const kind of ['reflection', 'board', 'dialogue'] as const) {
      for (const { index, refId } of toFind[kind]) if (!found[kind].has(refId)) problems.push({ index, reason: 'not_found' });
    }
    if (problems.length > 0) {
      problems.sort((a, b) => a.index - b.index);
      throw new AppError('AGENDA_REF_INVALID', 'An agenda item points at something that is not in this lab', problems);
    }
  }

  /**
   * Replaces the agenda inside the caller's transaction: items with an id are kept (with their coverage), the
   * others are new. Items already covered in the live room cannot be removed (409 SESSION_WRONG_STATUS).
   */
  async replace(m: EntityManager, sessionId: string, input: AgendaInput[], existing: SessionItem[]): Promise<void> {
    checkItemIds(input, existing);
    const keep = new Set(input.flatMap((i) => (i.id ? [i.id] : [])));
    const removed = existing.filter((i) => !keep.has(i.id));
    if (removed.some((i) => i.coveredAt !== null)) throw new AppError('SESSION_WRONG_STATUS', 'Items already covered stay on the agenda');
    const repo = m.getRepository(SessionItem);
    if (removed.length > 0) await repo.delete(removed.map((i) => i.id));
    for (const [position, item] of input.entries()) {
      const values = { position, title: item.title, minutes: item.minutes, kind: item.kind, refId: item.refId };
      if (item.id) await repo.update({ id: item.id, sessionId }, values);
      else await repo.insert({ id: randomUUID(), sessionId, ...values, coveredAt: null, spentSeconds: 0 });
    }
  }

  /** The agenda as this viewer sees it. */
  async view(labId: string, items: SessionItem[], viewer: LabMember): Promise<AgendaItem[]> {
    const refs = (kind: AgendaKind) => items.filter((i) => i.kind === kind && i.refId).map((i) => i.refId!);
    const titles: Record<Exclude<AgendaKind, 'discussion'>, Map<string, string>> = {
      reflection: await this.visibleReflections(labId, viewer, refs('reflection')),
      board: await this.boardTitles(labId, refs('board')),
      dialogue: await this.dialogueTitles(labId, refs('dialogue'), viewer),
    };
    return items.map((i) => ({
      id: i.id,
      title: i.title,
      minutes: i.minutes,
      kind: i.kind,
      refId: i.refId,
      refTitle: i.kind === 'discussion' || !i.refId ? null : titles[i.kind].get(i.refId) || null,
    }));
  }

  /** Titles of the reflections of this lab (among `ids`) that this member may open. */
  async visibleReflections(labId: string, member: LabMember, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: ReflectionRow[] = await this.db.query(
      `SELECT id, title, author_id, status, reviewer_id FROM reflections WHERE lab_id = $1 AND id = ANY($2::uuid[])`,
      [labId, [...new Set(ids)]],
    );
    const view = { userId: member.userId, role: member.role, sector: (member.sector ?? null) as Sector | null };
    const visible = rows.filter((r) => reflectionAccess({ authorId: r.author_id, status: r.status, reviewerId: r.reviewer_id }, view) !== 'none');
    return new Map(visible.map((r) => [r.id, r.title]));
  }

  async boardTitles(labId: string, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: string; title: string }> = await this.db.query(`SELECT id, title FROM boards WHERE lab_id = $1 AND id = ANY($2::uuid[])`, [labId, [...new Set(ids)]]);
    return new Map(rows.map((r) => [r.id, r.title]));
  }

  /**
   * The dialogues of this lab among `ids`. Dialogues are another module's table, built alongside: only
   * `dialogues (id, lab_id)` is relied on, and a missing table means there are none.
   */
  async dialogueIds(labId: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    try {
      const rows: Array<{ id: string }> = await this.db.query(`SELECT id FROM dialogues WHERE lab_id = $1 AND id = ANY($2::uuid[])`, [labId, [...new Set(ids)]]);
      return new Set(rows.map((r) => r.id));
    } catch (e) {
      if (!isUndefinedTable(e)) throw e;
      this.logger.warn('no dialogues table yet: dialogue references cannot be resolved');
      return new Set();
    }
  }

  /**
   * Titles of dialogues as the viewer may see them: facilitators see every dialogue of the lab, others only those
   * they take part in. Whatever the dialogues' tables do not (yet) answer shows no title.
   */
  async dialogueTitles(labId: string, ids: string[], viewer: LabMember): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const unique = [...new Set(ids)];
    try {
      const rows: Array<{ id: string; title: unknown }> =
        viewer.role === 'facilitator'
          ? await this.db.query(`SELECT id, title FROM dialogues WHERE lab_id = $1 AND id = ANY($2::uuid[])`, [labId, unique])
          : await this.db.query(
              `SELECT d.id, d.title FROM dialogues d JOIN dialogue_participants p ON p.dialogue_id = d.id AND p.member_id = $3
               WHERE d.lab_id = $1 AND d.id = ANY($2::uuid[])`,
              [labId, unique, viewer.id],
            );
      return new Map(rows.flatMap((r) => (typeof r.title === 'string' ? [[r.id, r.title] as const] : [])));
    } catch {
      return new Map();
    }
  }
}

/** Every id given must be an item of this session, once. */
export function checkItemIds(input: AgendaInput[], existing: SessionItem[]): void {
  const known = new Set(existing.map((i) => i.id));
  const seen = new Set<string>();
  for (const item of input) {
    if (!item.id) continue;
    if (seen.has(item.id)) throw new AppError('VALIDATION_FAILED', 'An agenda item appears twice', [{ path: 'agenda', message: 'Duplicate item id' }]);
    seen.add(item.id);
    if (!known.has(item.id)) throw new AppError('AGENDA_ITEM_NOT_FOUND', 'No such agenda item in this session');
  }
}

function isUndefinedTable(e: unknown): boolean {
  const err = e as { code?: string; driverError?: { code?: string } };
  return err.code === '42P01' || err.driverError?.code === '42P01';
}
