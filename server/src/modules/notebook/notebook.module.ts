import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { uuidSchema, type DocAccess, type LabRole } from '@relab/shared';
import { CollabModule } from '../../collab/collab.module.js';
import { DocAccessRegistry } from '../../collab/doc-access.registry.js';
import type { User } from '../identity/user.entity.js';
import { LabMember } from '../labs/lab-member.entity.js';
import { LabsModule } from '../labs/labs.module.js';

/** `lab-notes:<labId>`: the lab's shared notebook (agenda, notes between sessions). */
export const LAB_NOTES_TYPE = 'lab-notes';

const ACCESS_BY_ROLE: Record<LabRole, DocAccess> = {
  facilitator: 'write',
  practitioner: 'write',
  observer: 'read',
  // the notebook is the practitioners' working space; families and returnees have their own dialogues
  family: 'none',
  returnee: 'none',
};

@Injectable()
export class NotebookAccess implements OnModuleInit {
  constructor(
    private readonly registry: DocAccessRegistry,
    @InjectRepository(LabMember) private readonly members: Repository<LabMember>,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      type: LAB_NOTES_TYPE,
      roots: { content: 'xml' },
      access: (user, id) => this.access(user, id),
    });
  }

  async access(user: User, labId: string): Promise<DocAccess> {
    if (!uuidSchema.safeParse(labId).success) return 'none';
    const member = await this.members.findOneBy({ labId, userId: user.id });
    return member ? ACCESS_BY_ROLE[member.role] : 'none';
  }
}

@Module({ imports: [CollabModule, LabsModule], providers: [NotebookAccess] })
export class NotebookModule {}
