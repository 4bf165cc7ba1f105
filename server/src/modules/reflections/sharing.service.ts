import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  detectIdentifiers,
  reflectionDocName,
  sectionDocName,
  type GateRefusal,
  type ReflectionDetail,
  type RemainingDetection,
  type ReturnedReflection,
} from '@relab/shared';
import { DocAccessRegistry } from '../../collab/doc-access.registry.js';
import { DocumentManager } from '../../collab/documents/document-manager.js';
import { AppError } from '../../common/errors/app-error.js';
import { DomainEventBus } from '../../common/events/domain-events.js';
import { LabMember } from '../labs/lab-member.entity.js';
import { blocksOfUpdate } from './doc-text.js';
import { Reflection } from './reflection.entity.js';
import { ReflectionKeyService } from './reflection-key.service.js';
import { ReflectionsService } from './reflections.service.js';

/** A draft is locked per reflection while its status changes, so two requests cannot both pass the gate. */
/** Name of the first version of a shared reflection (its history starts there). */
const SHARED_VERSION_NAME = 'Gedeeld · Partagée · Shared';

const LOCK = `SELECT pg_advisory_xact_lock(hashtext('reflection:' || $1))`;

/**
 * The gate between a draft and the lab (ADR 0006): the server itself runs the detectors of `shared` over the title,
 * the text and every section, with the author's names; a detection counts unless its key was pseudonymised away or
 * marked "not identifying". Sharing needs no remaining detection AND approval by a second practitioner (four eyes).
 */
@Injectable()
export class SharingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reflections: ReflectionsService,
    private readonly keys: ReflectionKeyService,
    private readonly registry: DocAccessRegistry,
    private readonly docs: DocumentManager,
    private readonly events: DomainEventBus,
  ) {}

  /** What the gate still finds (author and reviewer). */
  async check(labId: string, id: string, member: LabMember): Promise<GateRefusal> {
    const { reflection } = await this.reflections.open(labId, id, member);
    if (reflection.authorId !== member.userId && reflection.reviewerId !== member.userId) throw new AppError('FORBIDDEN', 'Only the author and the reviewer');
    return { remaining: await this.remaining(reflection) };
  }

  async remaining(r: Reflection): Promise<RemainingDetection[]> {
    const key = await this.keys.load(r.id);
    const dismissed = new Set(key.dismissed.map((d) => d.key));
    const parts: Array<{ where: string; texts: string[] }> = [{ where: 'title', texts: [r.title] }];
    parts.push({ where: 'content', texts: (await this.blocks(reflectionDocName(r.id))).map((b) => b.text) });
    for (const s of await this.reflections.sectionsOf(r.id)) {
      parts.push({ where: s.id, texts: [s.title, ...(await this.blocks(sectionDocName(s.id))).map((b) => b.text)] });
    }
    const out: RemainingDetection[] = [];
    const seen = new Set<string>();
    for (const part of parts) {
      for (const text of part.texts) {
        for (const d of detectIdentifiers(text, { names: key.names })) {
          if (dismissed.has(d.key)) continue;
          const id = `${part.where}\u0000${d.key}\u0000${d.text}`;
          if (seen.has(id)) continue;
          seen.add(id);
          out.push({ kind: d.kind, text: d.text, key: d.key, where: part.where });
        }
      }
    }
    return out;
  }

  private async blocks(docName: string) {
    const ref = this.registry.resolve(docName);
    if (!ref) return [];
    return blocksOfUpdate(await this.docs.snapshot(ref));
  }

  /**
   * The author asks a second practitioner to approve sharing. Refused while the gate finds anything. The gate runs
   * before, and again after the draft was frozen (in review nobody writes), so an edit racing the request cannot
   * slip through: then it is a draft again and the answer lists what was found.
   */
  async requestReview(labId: string, id: string, member: LabMember, reviewerId: string): Promise<ReflectionDetail> {
    const { reflection } = await this.reflections.open(labId, id, member);
    if (reflection.authorId !== member.userId) throw new AppError('FORBIDDEN', 'Only the author asks for approval');
    if (reflection.status !== 'draft') throw new AppError('REFLECTION_WRONG_STATUS', 'Only a draft can be sent for approval');
    await this.assertReviewer(labId, reflection, reviewerId);
    await this.assertClean(reflection);
    await this.transition(labId, id, member, (r) => {
      if (r.status !== 'draft') throw new AppError('REFLECTION_WRONG_STATUS', 'Only a draft can be sent for approval');
      return { status: 'in_review', reviewerId, reviewNote: null };
    });
    const frozen = await this.remaining(await this.reload(id));
    if (frozen.length > 0) {
      await this.transition(labId, id, member, (r) => (r.status === 'in_review' ? { status: 'draft', reviewerId: null } : {}));
      throw refusal(frozen);
    }
    await this.events.emit('reflection.review_requested', { actorId: member.userId, labId, reflectionId: id, reviewerId });
    return this.after(labId, id, member);
  }

  /** The reviewer approves: the gate runs again on exactly what they read (frozen while in review), and it is shared. */
  async approve(labId: string, id: string, member: LabMember): Promise<ReflectionDetail> {
    const { reflection } = await this.reflections.open(labId, id, member);
    if (reflection.status !== 'in_review') throw new AppError('REFLECTION_WRONG_STATUS', 'Not waiting for approval');
    if (reflection.reviewerId !== member.userId || reflection.authorId === member.userId) throw new AppError('FORBIDDEN', 'Only the chosen reviewer approves');
    await this.assertReviewer(labId, reflection, member.userId);
    await this.assertClean(reflection);
    // the draft's past (real details before they were pseudonymised) must not reach the lab through the stored log
    // or an old version: merge it away and start the history at the approved text (frozen while in review)
    for (const name of [reflectionDocName(id), ...(await this.reflections.sectionsOf(id)).map((s) => sectionDocName(s.id))]) {
      const ref = this.registry.resolve(name);
      if (ref) await this.docs.forgetHistory(ref, member.userId, SHARED_VERSION_NAME);
    }
    const checkedAt = reflection.updatedAt.getTime();
    await this.transition(labId, id, member, (r) => {
      // withdrawn (and maybe edited) since the check: nothing is shared
      if (r.status !== 'in_review' || r.reviewerId !== member.userId || r.updatedAt.getTime() !== checkedAt) {
        throw new AppError('REFLECTION_WRONG_STATUS', 'It changed while you approved: open it again');
      }
      const now = new Date();
      return { status: 'shared', approvedBy: member.userId, approvedAt: now, sharedAt: now };
    });
    await this.events.emit('reflection.shared', { actorId: member.userId, labId, reflectionId: id });
    return this.after(labId, id, member);
  }

  /** The reviewer sends it back with a note, or the author withdraws it: a draft again. */
  async returnToDraft(labId: string, id: string, member: LabMember, note: string): Promise<ReflectionDetail | ReturnedReflection> {
    await this.reflections.open(labId, id, member);
    await this.transition(labId, id, member, (r) => {
      if (r.status !== 'in_review') throw new AppError('REFLECTION_WRONG_STATUS', 'Not waiting for approval');
      if (r.reviewerId !== member.userId && r.authorId !== member.userId) throw new AppError('FORBIDDEN', 'Only the reviewer or the author');
      return { status: 'draft', reviewerId: null, reviewNote: r.reviewerId === member.userId && note ? note : null };
    });
    await this.events.emit('reflection.returned', { actorId: member.userId, labId, reflectionId: id });
    // a draft is its author's again: the reviewer only learns that it went back
    const r = await this.reload(id);
    return r.authorId === member.userId ? this.after(labId, id, member) : { id, status: 'draft' };
  }

  /** Changes the status under a per-reflection lock; `decide` sees the row as locked and must not query. */
  private async transition(labId: string, id: string, member: LabMember, decide: (r: Reflection) => Partial<Reflection>): Promise<void> {
    const sections = await this.reflections.sectionsOf(id);
    await this.db.transaction(async (m) => {
      await m.query(LOCK, [id]);
      const r = await m.getRepository(Reflection).findOneByOrFail({ id, labId });
      const patch = decide(r);
      if (Object.keys(patch).length > 0) await m.getRepository(Reflection).update({ id }, patch);
    });
    // who may open the documents changed: open sockets follow at once (e.g. the author becomes read-only)
    await this.events.emit('doc.access_changed', { actorId: member.userId, docs: [reflectionDocName(id), ...sections.map((s) => sectionDocName(s.id))] });
  }

  private reload(id: string): Promise<Reflection> {
    return this.db.getRepository(Reflection).findOneByOrFail({ id });
  }

  private async after(labId: string, id: string, member: LabMember): Promise<ReflectionDetail> {
    const opened = await this.reflections.open(labId, id, member);
    return this.reflections.detail(opened);
  }

  private async assertClean(r: Reflection): Promise<void> {
    const remaining = await this.remaining(r);
    if (remaining.length > 0) throw refusal(remaining);
  }

  private async assertReviewer(labId: string, r: Reflection, reviewerId: string): Promise<void> {
    if (reviewerId === r.authorId) throw new AppError('REVIEWER_INVALID', 'A second person approves: not the author');
    const m = await this.db.getRepository(LabMember).findOne({ where: { labId, userId: reviewerId }, relations: { user: true } });
    if (!m || m.user?.disabledAt || (m.role !== 'practitioner' && m.role !== 'facilitator')) {
      throw new AppError('REVIEWER_INVALID', 'The reviewer must be a practitioner or facilitator of this lab');
    }
  }
}

function refusal(remaining: RemainingDetection[]): AppError {
  return new AppError('REFLECTION_HAS_DETECTIONS', `${remaining.length} identifying detail(s) left`, { remaining } satisfies GateRefusal);
}
