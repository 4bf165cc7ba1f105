import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { BoardsService } from '../boards/boards.service.js';
import type { Language, LabRole, Sector } from '@relab/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { AccountsService } from '../identity/accounts.service.js';
import { User } from '../identity/user.entity.js';
import { InvitationsService } from '../labs/invitations.service.js';
import { Lab } from '../labs/lab.entity.js';
import { LabMember } from '../labs/lab-member.entity.js';

/** Fictional people only: these names and addresses belong to nobody. */
const DEMO_PROFESSIONALS: Array<{ email: string; name: string; role: LabRole; sector: Sector; language: Language; admin?: boolean }> = [
  { email: 'facilitator@demo.relab.example', name: 'Fien Demo', role: 'facilitator', sector: 'researcher', language: 'nl', admin: true },
  { email: 'justice.assistant@demo.relab.example', name: 'Jonas Voorbeeld', role: 'practitioner', sector: 'justice_assistant', language: 'nl' },
  { email: 'social.worker@demo.relab.example', name: 'Camille Exemple', role: 'practitioner', sector: 'social_worker', language: 'fr' },
  { email: 'imam@demo.relab.example', name: 'Yusuf Fictief', role: 'practitioner', sector: 'religious_counsellor', language: 'nl' },
  { email: 'judge@demo.relab.example', name: 'Sara Fictief', role: 'practitioner', sector: 'judge', language: 'nl' },
  { email: 'police@demo.relab.example', name: 'Luc Testpersoon', role: 'practitioner', sector: 'local_police', language: 'fr' },
  { email: 'observer@demo.relab.example', name: 'Olivia Sample', role: 'observer', sector: 'researcher', language: 'en' },
];

/** On the first start of an empty database, creates a fictional demo lab and prints how to log in. */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Demo');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accounts: AccountsService,
    private readonly invitations: InvitationsService,
    private readonly boards: BoardsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo.enabled || this.config.env === 'test') return;
    if ((await this.db.getRepository(User).count()) > 0) return;
    await this.seed(this.config.demo.password ?? randomBytes(9).toString('base64url'));
  }

  async seed(password: string): Promise<void> {
    const labId = randomUUID();
    let facilitator: LabMember | undefined;
    let recoveryCode = '';
    await this.db.transaction(async (m) => {
      await m.insert(Lab, {
        id: labId,
        name: 'Demo Living Lab Mechelen-Vilvoorde (fictief)',
        languages: ['nl', 'fr', 'en'],
        description: 'Fictieve demonstratie-lab. Alle personen en casussen zijn verzonnen. / Lab de démonstration fictif. / Fictional demonstration lab.',
        groundRules: 'Chatham House: what is said may be used, never who said it. / Wat gezegd wordt mag gebruikt worden, nooit wie het zei. / Ce qui est dit peut être utilisé, jamais qui l’a dit.',
        createdBy: null,
      });
      for (const p of DEMO_PROFESSIONALS) {
        const user = await this.accounts.createProfessional(
          { email: p.email, password, displayName: p.name, language: p.language, sector: p.sector, isAdmin: p.admin ?? false },
          m,
        );
        const member = m.create(LabMember, { id: randomUUID(), labId, userId: user.id, role: p.role, sector: p.sector });
        await m.insert(LabMember, member);
        if (p.role === 'facilitator') facilitator = member;
      }
      const family = await this.accounts.createParticipant('Moeder Z.', 'nl', m);
      recoveryCode = family.recoveryCode;
      await m.insert(LabMember, { id: randomUUID(), labId, userId: family.user.id, role: 'family', sector: null });
    });
    const invite = await this.invitations.create(facilitator!, { kind: 'participant', role: 'family', language: 'fr' });
    // a whiteboard to start from: the support-network map template (no person on it yet)
    await this.boards.create(labId, facilitator!, { title: 'Steunnetwerk — voorbeeld (fictief)', template: 'support_network', language: 'nl' });

    const lines = [
      '',
      '  RELAB demo lab created (fictional data). Log in at ' + this.config.publicUrl,
      '',
      ...DEMO_PROFESSIONALS.map((p) => `    ${p.role.padEnd(12)} ${p.email}`),
      `    password     ${password}${this.config.demo.password ? ' (from RELAB_DEMO_PASSWORD)' : ''}`,
      '',
      `    family member "Moeder Z." comes back with recovery code ${recoveryCode} at ${this.config.publicUrl}/recover`,
      `    a new family member can join with code ${invite.code} at ${this.config.publicUrl}${invite.link}`,
      '',
    ];
    // Printed once, to the operator's terminal: fictional demo accounts only.
    process.stdout.write(lines.join('\n') + '\n');
    this.logger.log('demo lab created');
  }
}
