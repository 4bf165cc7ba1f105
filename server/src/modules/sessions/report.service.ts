import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { STAKEHOLDER_GROUPS, stakeholderOf, type AttendanceEntry, type LabRole, type Language, type Sector, type SessionReport, type StakeholderGroup } from '@relab/shared';
import { AppError } from '../../common/errors/app-error.js';
import { DomainEventBus } from '../../common/events/domain-events.js';
import type { LabMember } from '../labs/lab-member.entity.js';
import { reportMarkdown, reportPdf } from './report-export.js';
import { LabSession, SessionItem, SessionVersion } from './session.entity.js';
import { summary } from './sessions.service.js';

interface AttendanceRow {
  member_id: string;
  display_name: string;
  role: LabRole;
  sector: Sector | null;
  first_seen_at: Date;
  last_seen_at: Date;
}

const GROUP_ORDER: Array<StakeholderGroup | 'unknown'> = [...STAKEHOLDER_GROUPS, 'unknown'];

/**
 * The report of an ended session: attendance by stakeholder group (families and returnees by their pseudonym, which
 * is all RELAB knows of them), the items covered in order with the minutes actually spent, the versions saved.
 */
@Injectable()
export class ReportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: DomainEventBus,
  ) {}

  async report(labId: string, id: string): Promise<SessionReport> {
    const session = await this.db.getRepository(LabSession).findOneBy({ id, labId });
    if (!session) throw new AppError('SESSION_NOT_FOUND', 'No such session');
    if (session.status !== 'ended') throw new AppError('SESSION_WRONG_STATUS', 'A report exists once the session has ended', { status: session.status });
    const rows: AttendanceRow[] = await this.db.query(
      `SELECT a.member_id, u.display_name, lm.role, CASE WHEN u.kind = 'participant' THEN NULL ELSE coalesce(lm.sector, u.sector) END AS sector,
              a.first_seen_at, a.last_seen_at
       FROM lab_session_attendance a JOIN lab_members lm ON lm.id = a.member_id JOIN users u ON u.id = lm.user_id
       WHERE a.session_id = $1`,
      [id],
    );
    const groups = new Map<StakeholderGroup | 'unknown', AttendanceEntry[]>();
    for (const r of rows) {
      const group = stakeholderOf({ role: r.role, sector: r.sector })?.group ?? null;
      const entry: AttendanceEntry = {
        memberId: r.member_id,
        displayName: r.display_name,
        role: r.role,
        group,
        firstSeenAt: new Date(r.first_seen_at).toISOString(),
        lastSeenAt: new Date(r.last_seen_at).toISOString(),
      };
      const key = group ?? 'unknown';
      groups.set(key, [...(groups.get(key) ?? []), entry]);
    }
    const items = await this.db.getRepository(SessionItem).find({ where: { sessionId: id }, order: { position: 'ASC' } });
    const versions = await this.db.getRepository(SessionVersion).find({ where: { sessionId: id }, order: { position: 'ASC' } });
    return {
      session: summary(session),
      attendance: GROUP_ORDER.filter((g) => groups.has(g)).map((group) => ({
        group,
        members: groups.get(group)!.sort((a, b) => a.displayName.localeCompare(b.displayName) || a.memberId.localeCompare(b.memberId)),
      })),
      itemsCovered: items
        .filter((i) => i.coveredAt)
        .sort((a, b) => +a.coveredAt! - +b.coveredAt! || a.position - b.position)
        .map((i) => ({ itemId: i.id, title: i.title, kind: i.kind, startedAt: i.coveredAt!.toISOString(), minutes: Math.round(i.spentSeconds / 6) / 10 })),
      versions: versions.map((v) => ({ docName: v.docName, title: v.title, versionId: v.versionId })),
      startedAt: session.startedAt?.toISOString() ?? null,
      endedAt: session.endedAt?.toISOString() ?? null,
    };
  }

  /** The report as a Markdown or PDF file in the language asked for. Every export is audited. */
  async export(labId: string, id: string, member: LabMember, language: Language, format: 'md' | 'pdf'): Promise<{ body: Buffer; type: string; filename: string }> {
    const report = await this.report(labId, id);
    const body = format === 'md' ? Buffer.from(reportMarkdown(report, language), 'utf8') : await reportPdf(report, language);
    await this.events.emit('session.exported', { actorId: member.userId, labId, sessionId: id, format });
    return {
      body,
      type: format === 'md' ? 'text/markdown; charset=utf-8' : 'application/pdf',
      filename: `session-report-${id.slice(0, 8)}-${language}.${format}`,
    };
  }
}
