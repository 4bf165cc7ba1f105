import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SESSION_NOTES_DOC_TYPE, SESSION_NOTES_ROOTS, uuidSchema, type DocAccess, type LabRole } from '@relab/shared';
import { DocAccessRegistry } from '../../collab/doc-access.registry.js';
import type { User } from '../identity/user.entity.js';
import { GroundRulesService } from './ground-rules.service.js';

/**
 * `session-notes:<sessionId>`: the short note-taking document of a session, rich text like the lab notebook.
 * Facilitators and practitioners write; families and returnees write once they accepted the lab's current ground
 * rules (and see nothing before); observers read.
 */
@Injectable()
export class SessionNotesAccess implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: DocAccessRegistry,
    private readonly rules: GroundRulesService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      type: SESSION_NOTES_DOC_TYPE,
      roots: SESSION_NOTES_ROOTS,
      access: (user, id) => this.access(user, id),
    });
  }

  async access(user: User, sessionId: string): Promise<DocAccess> {
    if (!uuidSchema.safeParse(sessionId).success) return 'none';
    const rows: Array<{ lab_id: string; member_id: string; role: LabRole }> = await this.db.query(
      `SELECT s.lab_id, lm.id AS member_id, lm.role
       FROM lab_sessions s JOIN lab_members lm ON lm.lab_id = s.lab_id AND lm.user_id = $2
       WHERE s.id = $1`,
      [sessionId, user.id],
    );
    const me = rows[0];
    if (!me) return 'none';
    switch (me.role) {
      case 'facilitator':
      case 'practitioner':
        return 'write';
      case 'observer':
        return 'read';
      case 'family':
      case 'returnee':
        return (await this.rules.consentState(me.lab_id, me.member_id)).ok ? 'write' : 'none';
    }
  }
}
