import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import {
  DEFAULT_REFLECTION_TEMPLATE,
  REFLECTION_LIMITS,
  reflectionDocName,
  reflectionTemplateSchema,
  sectionDocName,
  type CreateReflectionRequest,
  type CreateSectionRequest,
  type DocAccess,
  type LifeDomain,
  type PersonRef,
  type ReflectionDetail,
  type ReflectionReader,
  type ReflectionSection,
  type ReflectionStatus,
  type ReflectionSummary,
  type ReflectionTemplate,
  type UpdateReflectionRequest,
  type UpdateSectionRequest,
} from '@relab/shared';
import { DocAccessRegistry } from '../../collab/doc-access.registry.js';
import { DocumentManager } from '../../collab/documents/document-manager.js';
import { AppError } from '../../common/errors/app-error.js';
import { DomainEventBus } from '../../common/events/domain-events.js';
import { User } from '../identity/user.entity.js';
import { LabMember } from '../labs/lab-member.entity.js';
import { reflectionAccess, sectionAccess, type MemberView } from './access-rules.js';
import { Reflection, ReflectionSectionRow, ReflectionTemplateRow } from './reflection.entity.js';

export interface Opened {
  reflection: Reflection;
  member: LabMember;
  access: Exclude<DocAccess, 'none'>;
}

type Input<T> = T extends (infer U)[] ? U[] : T;

/** Case reflections: who sees which, creation from the lab's template, metadata, need-to-know sections. */
@Injectable()
export class ReflectionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: DocAccessRegistry,
    private readonly docs: DocumentManager,
    private readonly events: DomainEventBus,
  ) {}

  // ------------------------------------------------------------------ access

  /** The reflection with the caller's access, or REFLECTION_NOT_FOUND (also when it exists but is not theirs to see). */
  async open(labId: string, id: string, member: LabMember): Promise<Opened> {
    const reflection = await this.db.getRepository(Reflection).findOneBy({ id, labId });
    const access = reflection ? reflectionAccess(reflection, member) : 'none';
    if (!reflection || access === 'none') {
      await this.events.emit('access.denied', { actorId: member.userId, labId, action: 'open reflection', resourceType: 'reflection', resourceId: id });
      throw new AppError('REFLECTION_NOT_FOUND', 'No such reflection');
    }
    return { reflection, member, access };
  }

  /** Access of a user to the Yjs document of a reflection (for the collaboration core). */
  async docAccess(user: User, id: string): Promise<DocAccess> {
    const reflection = await this.db.getRepository(Reflection).findOneBy({ id });
    if (!reflection) return 'none';
    return reflectionAccess(reflection, await this.memberView(reflection.labId, user.id));
  }

  async sectionDocAccess(user: User, sectionId: string): Promise<DocAccess> {
    const section = await this.db.getRepository(ReflectionSectionRow).findOneBy({ id: sectionId });
    if (!section) return 'none';
    const reflection = await this.db.getRepository(Reflection).findOneByOrFail({ id: section.reflectionId });
    return sectionAccess(reflection, section, await this.memberView(reflection.labId, user.id));
  }

  async labOfSection(sectionId: string): Promise<{ labId: string; reflectionId: string } | null> {
    const rows: Array<{ lab_id: string; reflection_id: string }> = await this.db.query(
      `SELECT r.lab_id, s.reflection_id FROM reflection_sections s JOIN reflections r ON r.id = s.reflection_id WHERE s.id = $1`,
      [sectionId],
    );
    return rows[0] ? { labId: rows[0].lab_id, reflectionId: rows[0].reflection_id } : null;
  }

  private async memberView(labId: string, userId: string): Promise<MemberView | null> {
    const m = await this.db.getRepository(LabMember).findOne({ where: { labId, userId }, relations: { user: true } });
    if (!m || m.user?.disabledAt) return null;
    return { userId: m.userId, role: m.role, sector: m.sector };
  }

  // ------------------------------------------------------------------ list, create, read, update

  async list(labId: string, member: LabMember, filter: { domain?: LifeDomain; tag?: string; status?: ReflectionStatus }): Promise<ReflectionSummary[]> {
    const seesShared = member.role === 'facilitator' || member.role === 'practitioner' || member.role === 'observer';
    const params: unknown[] = [labId, member.userId, seesShared];
    let where = `r.lab_id = $1 AND ((r.status = 'shared' AND $3) OR r.author_id = $2 OR (r.status = 'in_review' AND r.reviewer_id = $2))`;
    if (filter.domain) where += ` AND $${params.push(filter.domain)} = ANY(r.life_domains)`;
    if (filter.tag) where += ` AND lower($${params.push(filter.tag)}) = ANY(SELECT lower(t) FROM unnest(r.tags) t)`;
    if (filter.status) where += ` AND r.status = $${params.push(filter.status)}`;
    const ids: Array<{ id: string }> = await this.db.query(`SELECT r.id FROM reflections r WHERE ${where} ORDER BY r.updated_at DESC LIMIT 500`, params);
    if (ids.length === 0) return [];
    const rows = await this.db.getRepository(Reflection).createQueryBuilder('r').whereInIds(ids.map((r) => r.id)).orderBy('r.updated_at', 'DESC').getMany();
    const people = await this.people(rows.flatMap((r) => [r.authorId, r.reviewerId, r.approvedBy]));
    return rows.map((r) => this.summary(r, people));
  }

  async create(labId: string, member: LabMember, body: Input<CreateReflectionRequest> & { lifeDomains: LifeDomain[]; tags: string[] }): Promise<ReflectionDetail> {
    const id = randomUUID();
    await this.db.getRepository(Reflection).insert({
      id,
      labId,
      authorId: member.userId,
      title: body.title,
      language: body.language,
      status: 'draft',
      lifeDomains: body.lifeDomains,
      tags: body.tags,
    });
    const template = await this.template(labId);
    const ref = this.registry.resolve(reflectionDocName(id));
    if (!ref) throw new Error('reflection document type not registered');
    try {
      await this.docs.change(ref, member.userId, (doc) => fillFromTemplate(doc, template, body.language));
    } catch (e) {
      await this.db.getRepository(Reflection).delete({ id });
      throw e;
    }
    await this.events.emit('reflection.created', { actorId: member.userId, labId, reflectionId: id });
    return this.detail(await this.open(labId, id, member));
  }

  /** The reflection as the caller sees it; every call is an audited opening. */
  async read(labId: string, id: string, member: LabMember): Promise<ReflectionDetail> {
    const opened = await this.open(labId, id, member);
    await this.events.emit('reflection.opened', { actorId: member.userId, labId, reflectionId: id });
    return this.detail(opened);
  }

  async update(labId: string, id: string, member: LabMember, patch: UpdateReflectionRequest): Promise<ReflectionDetail> {
    const opened = await this.open(labId, id, member);
    const r = opened.reflection;
    const isAuthor = r.authorId === member.userId;
    if (r.status === 'in_review') throw new AppError('REFLECTION_WRONG_STATUS', 'Waiting for approval: withdraw it to change it');
    // the title is part of what is checked before sharing: only the author changes it; once shared, domains and
    // tags (for finding it) can be changed by every editor
    if (patch.title !== undefined && !isAuthor) throw new AppError('FORBIDDEN', 'Only the author changes the title');
    if (opened.access !== 'write') throw new AppError('FORBIDDEN', 'Read only');
    await this.db.getRepository(Reflection).update({ id }, {
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.lifeDomains !== undefined ? { lifeDomains: patch.lifeDomains as LifeDomain[] } : {}),
      ...(patch.tags !== undefined ? { tags: patch.tags } : {}),
    });
    await this.events.emit('reflection.updated', { actorId: member.userId, labId, reflectionId: id });
    return this.detail(await this.open(labId, id, member));
  }

  async detail(opened: Opened): Promise<ReflectionDetail> {
    const { reflection: r, member, access } = opened;
    const people = await this.people([r.authorId, r.reviewerId, r.approvedBy]);
    const sections = await this.db.getRepository(ReflectionSectionRow).find({ where: { reflectionId: r.id }, order: { position: 'ASC' } });
    const view: MemberView = { userId: member.userId, role: member.role, sector: member.sector };
    const visible: ReflectionSection[] = [];
    for (const s of sections) {
      const a = sectionAccess(r, s, view);
      if (a !== 'none') visible.push(toSection(s, a));
    }
    const isAuthor = r.authorId === member.userId;
    return {
      ...this.summary(r, people),
      docName: reflectionDocName(r.id),
      isAuthor,
      isReviewer: r.status === 'in_review' && r.reviewerId === member.userId,
      myAccess: access,
      sections: visible,
      approvedBy: r.approvedBy ? (people.get(r.approvedBy) ?? null) : null,
      reviewNote: isAuthor ? r.reviewNote : null,
    };
  }

  private summary(r: Reflection, people: Map<string, PersonRef>): ReflectionSummary {
    return {
      id: r.id,
      labId: r.labId,
      title: r.title,
      status: r.status,
      language: r.language,
      lifeDomains: r.lifeDomains,
      tags: r.tags,
      author: people.get(r.authorId) ?? { userId: r.authorId, displayName: '?' },
      reviewer: r.reviewerId ? (people.get(r.reviewerId) ?? null) : null,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      sharedAt: r.sharedAt?.toISOString() ?? null,
    };
  }

  async people(ids: Array<string | null>): Promise<Map<string, PersonRef>> {
    const unique = [...new Set(ids.filter((i): i is string => !!i))];
    if (unique.length === 0) return new Map();
    const users = await this.db.getRepository(User).createQueryBuilder('u').whereInIds(unique).getMany();
    return new Map(users.map((u) => [u.id, { userId: u.id, displayName: u.displayName }]));
  }

  // ------------------------------------------------------------------ sections (need to know)

  async createSection(labId: string, id: string, member: LabMember, body: CreateSectionRequest): Promise<ReflectionSection> {
    const { reflection: r } = await this.open(labId, id, member);
    this.assertAuthorEditing(r, member);
    await this.assertMembers(labId, body.allowedUserIds ?? []);
    const sectionId = randomUUID();
    await this.db.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('reflection:' || $1))`, [id]);
      const count = await m.getRepository(ReflectionSectionRow).countBy({ reflectionId: id });
      if (count >= REFLECTION_LIMITS.sections) throw new AppError('VALIDATION_FAILED', `At most ${REFLECTION_LIMITS.sections} sections`);
      await m.getRepository(ReflectionSectionRow).insert({
        id: sectionId,
        reflectionId: id,
        title: body.title,
        allowedSectors: body.allowedSectors,
        allowedUserIds: body.allowedUserIds,
        position: count,
      });
    });
    await this.events.emit('reflection.section_created', { actorId: member.userId, labId, reflectionId: id, sectionId });
    const row = await this.db.getRepository(ReflectionSectionRow).findOneByOrFail({ id: sectionId });
    return toSection(row, sectionAccess(r, row, member) as 'read' | 'write');
  }

  async updateSection(labId: string, id: string, sectionId: string, member: LabMember, patch: UpdateSectionRequest): Promise<ReflectionSection> {
    const { reflection: r } = await this.open(labId, id, member);
    this.assertAuthorEditing(r, member);
    const row = await this.db.getRepository(ReflectionSectionRow).findOneBy({ id: sectionId, reflectionId: id });
    if (!row) throw new AppError('SECTION_NOT_FOUND', 'No such section');
    if (patch.allowedUserIds) await this.assertMembers(labId, patch.allowedUserIds);
    const next = {
      title: patch.title ?? row.title,
      allowedSectors: patch.allowedSectors ?? row.allowedSectors,
      allowedUserIds: patch.allowedUserIds ?? row.allowedUserIds,
    };
    if (next.allowedSectors.length + next.allowedUserIds.length === 0) throw new AppError('VALIDATION_FAILED', 'Name at least one sector or member');
    await this.db.getRepository(ReflectionSectionRow).update({ id: sectionId }, next);
    await this.events.emit('reflection.section_updated', { actorId: member.userId, labId, reflectionId: id, sectionId });
    // whoever lost access loses it now, also on open sockets
    await this.events.emit('doc.access_changed', { actorId: member.userId, docs: [sectionDocName(sectionId)] });
    const updated = await this.db.getRepository(ReflectionSectionRow).findOneByOrFail({ id: sectionId });
    return toSection(updated, sectionAccess(r, updated, member) as 'read' | 'write');
  }

  private assertAuthorEditing(r: Reflection, member: LabMember): void {
    if (r.authorId !== member.userId) throw new AppError('FORBIDDEN', 'Only the author decides who needs to know');
    if (r.status === 'in_review') throw new AppError('REFLECTION_WRONG_STATUS', 'Waiting for approval: withdraw it to change it');
  }

  private async assertMembers(labId: string, userIds: readonly string[]): Promise<void> {
    if (userIds.length === 0) return;
    const rows: Array<{ n: string }> = await this.db.query(
      `SELECT count(*)::text AS n FROM lab_members WHERE lab_id = $1 AND user_id = ANY($2::uuid[]) AND role IN ('facilitator', 'practitioner', 'observer')`,
      [labId, userIds],
    );
    if (Number(rows[0]?.n) !== userIds.length) throw new AppError('VALIDATION_FAILED', 'Sections can be opened to professionals of this lab only');
  }

  async sectionsOf(reflectionId: string): Promise<ReflectionSectionRow[]> {
    return this.db.getRepository(ReflectionSectionRow).find({ where: { reflectionId }, order: { position: 'ASC' } });
  }

  // ------------------------------------------------------------------ who read it

  async readers(labId: string, id: string, member: LabMember): Promise<ReflectionReader[]> {
    const { reflection: r } = await this.open(labId, id, member);
    if (r.authorId !== member.userId) throw new AppError('REFLECTION_NOT_FOUND', 'No such reflection');
    const rows: Array<{ user_id: string; display_name: string; opens: string; last: Date }> = await this.db.query(
      `SELECT a.actor_id AS user_id, u.display_name, count(*)::text AS opens, max(a.at) AS last
       FROM audit_log a JOIN users u ON u.id = a.actor_id
       WHERE a.resource_type = 'reflection' AND a.resource_id = $1 AND a.outcome = 'success'
         AND a.action IN ('reflection.opened', 'reflection.exported:md', 'reflection.exported:pdf') AND a.actor_id <> $2
       GROUP BY a.actor_id, u.display_name ORDER BY max(a.at) DESC`,
      [id, member.userId],
    );
    return rows.map((r) => ({ userId: r.user_id, displayName: r.display_name, opens: Number(r.opens), lastOpenedAt: new Date(r.last).toISOString() }));
  }

  // ------------------------------------------------------------------ the lab's template

  async template(labId: string): Promise<ReflectionTemplate> {
    const row = await this.db.getRepository(ReflectionTemplateRow).findOneBy({ labId });
    const parsed = row ? reflectionTemplateSchema.safeParse({ sections: row.sections }) : null;
    return parsed?.success ? parsed.data : DEFAULT_REFLECTION_TEMPLATE;
  }

  async saveTemplate(labId: string, member: LabMember, template: ReflectionTemplate): Promise<ReflectionTemplate> {
    await this.db.getRepository(ReflectionTemplateRow).upsert({ labId, sections: template.sections, updatedBy: member.userId }, ['labId']);
    await this.events.emit('lab.template_updated', { actorId: member.userId, labId });
    return this.template(labId);
  }
}

function toSection(s: ReflectionSectionRow, access: DocAccess): ReflectionSection {
  return {
    id: s.id,
    title: s.title,
    docName: sectionDocName(s.id),
    allowedSectors: s.allowedSectors,
    allowedUserIds: s.allowedUserIds,
    myAccess: access === 'write' ? 'write' : 'read',
  };
}

/** The template's sections as Tiptap content: a level-2 heading and an empty paragraph each. */
export function fillFromTemplate(doc: Y.Doc, template: ReflectionTemplate, language: 'nl' | 'fr' | 'en'): void {
  const fragment = doc.getXmlFragment('content');
  const nodes: Y.XmlElement[] = [];
  for (const section of template.sections) {
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', 2 as never);
    heading.insert(0, [new Y.XmlText(section.heading[language])]);
    nodes.push(heading, new Y.XmlElement('paragraph'));
  }
  fragment.insert(0, nodes);
}
