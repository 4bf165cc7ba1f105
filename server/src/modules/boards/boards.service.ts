import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  BOARD_DOC_TYPE,
  BOARD_ROOTS,
  boardDocName,
  boardTemplateShapes,
  uuidSchema,
  type BoardDetail,
  type BoardSummary,
  type CreateBoardRequest,
  type DocAccess,
  type LabRole,
} from '@relab/shared';
import { DocAccessRegistry } from '../../collab/doc-access.registry.js';
import { DocumentManager } from '../../collab/documents/document-manager.js';
import type { ResolvedDoc, StoredChange } from '../../collab/doc-access.registry.js';
import { AppError } from '../../common/errors/app-error.js';
import { DomainEventBus } from '../../common/events/domain-events.js';
import type { User } from '../identity/user.entity.js';
import { LabMember } from '../labs/lab-member.entity.js';
import { Board } from './board.entity.js';
import { shapeRelations } from './board-interactions.js';
import { checkBoardUpdate } from './board-rules.js';

/** Everyone in the lab co-creates on boards (families and returnees too); observers look. */
const ACCESS_BY_ROLE: Record<LabRole, DocAccess> = {
  facilitator: 'write',
  practitioner: 'write',
  family: 'write',
  returnee: 'write',
  observer: 'read',
};

/** Whiteboards (ADR 0007): the `board:<id>` document type, its content rule, creation from templates. */
@Injectable()
export class BoardsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: DocAccessRegistry,
    private readonly docs: DocumentManager,
    private readonly events: DomainEventBus,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      type: BOARD_DOC_TYPE,
      roots: BOARD_ROOTS,
      access: async (user, id) => (await this.membershipFor(user, id))?.access ?? 'none',
      context: async (user, id) => ({ role: (await this.membershipFor(user, id))?.member.role ?? null }),
      validate: checkBoardUpdate,
      onStored: (id, change) => this.stored(id, change),
    });
  }

  /** Frame of each shape as last seen, per board (see `shapeRelations`). */
  private readonly frames = new Map<string, Map<string, string | null>>();

  /** Interaction sources for the activity module: shapes of two members connected or grouped. */
  private async stored(boardId: string, change: StoredChange): Promise<void> {
    const keys = change.changed.get('shapes');
    if (!keys) return;
    let frames = this.frames.get(boardId);
    if (!frames) {
      if (this.frames.size > 1000) this.frames.clear();
      this.frames.set(boardId, (frames = new Map()));
    }
    const relations = shapeRelations(change.doc, keys, frames);
    if (relations.length === 0) return;
    const board = await this.db.getRepository(Board).findOneBy({ id: boardId });
    if (!board) return;
    for (const r of relations) await this.events.emit('board.shapes_related', { actorId: change.userId, labId: board.labId, boardId, ...r });
  }

  private async membershipFor(user: User, id: string): Promise<{ member: LabMember; access: DocAccess } | null> {
    if (!uuidSchema.safeParse(id).success) return null;
    const board = await this.db.getRepository(Board).findOneBy({ id });
    if (!board) return null;
    const member = await this.db.getRepository(LabMember).findOneBy({ labId: board.labId, userId: user.id });
    return member ? { member, access: ACCESS_BY_ROLE[member.role] } : null;
  }

  async list(labId: string): Promise<BoardSummary[]> {
    const rows = await this.db.getRepository(Board).find({ where: { labId }, order: { createdAt: 'DESC' }, take: 500 });
    const people = await this.people(rows.map((r) => r.createdBy));
    return rows.map((r) => summary(r, people));
  }

  async create(labId: string, member: LabMember, body: Required<CreateBoardRequest>): Promise<BoardDetail> {
    const id = randomUUID();
    await this.db.getRepository(Board).insert({ id, labId, title: body.title, template: body.template, createdBy: member.userId });
    const shapes = boardTemplateShapes(body.template, body.language, member.userId, () => randomUUID().replaceAll('-', ''));
    if (shapes.length > 0) {
      try {
        await this.docs.change(this.ref(id), member.userId, (doc) => {
          const map = doc.getMap('shapes');
          for (const s of shapes) map.set(s.id, s);
        });
      } catch (e) {
        await this.db.getRepository(Board).delete({ id });
        throw e;
      }
    }
    await this.events.emit('board.created', { actorId: member.userId, labId, boardId: id });
    return this.get(labId, id, member);
  }

  async get(labId: string, id: string, member: LabMember): Promise<BoardDetail> {
    const board = await this.find(labId, id);
    const people = await this.people([board.createdBy]);
    return {
      ...summary(board, people),
      docName: boardDocName(id),
      myAccess: ACCESS_BY_ROLE[member.role] === 'write' ? 'write' : 'read',
      isFacilitator: member.role === 'facilitator',
    };
  }

  async find(labId: string, id: string): Promise<Board> {
    const board = await this.db.getRepository(Board).findOneBy({ id, labId });
    if (!board) throw new AppError('BOARD_NOT_FOUND', 'No such board');
    return board;
  }

  ref(id: string): ResolvedDoc {
    const ref = this.registry.resolve(boardDocName(id));
    if (!ref) throw new Error('board document type not registered');
    return ref;
  }

  private async people(ids: string[]): Promise<Map<string, { userId: string; displayName: string }>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows: Array<{ id: string; display_name: string }> = await this.db.query(`SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])`, [unique]);
    return new Map(rows.map((r) => [r.id, { userId: r.id, displayName: r.display_name }]));
  }
}

function summary(b: Board, people: Map<string, { userId: string; displayName: string }>): BoardSummary {
  return {
    id: b.id,
    labId: b.labId,
    title: b.title,
    template: b.template,
    createdBy: people.get(b.createdBy) ?? { userId: b.createdBy, displayName: '?' },
    createdAt: b.createdAt.toISOString(),
  };
}
