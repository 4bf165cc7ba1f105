import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DataSource, In } from 'typeorm';
import type { AgendaKind, Language } from '@relab/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { Lab } from '../labs/lab.entity.js';
import { LabSession, SessionItem } from './session.entity.js';

const LABELS: Record<Language, { agenda: string; online: string; open: string; kinds: Record<AgendaKind, string> }> = {
  nl: { agenda: 'Agenda', online: 'Online', open: 'Openen in RELAB', kinds: { discussion: 'bespreking', reflection: 'casusreflectie', board: 'whiteboard', dialogue: 'dialoog' } },
  fr: { agenda: 'Ordre du jour', online: 'En ligne', open: 'Ouvrir dans RELAB', kinds: { discussion: 'discussion', reflection: 'réflexion de cas', board: 'tableau blanc', dialogue: 'dialogue' } },
  en: { agenda: 'Agenda', online: 'Online', open: 'Open in RELAB', kinds: { discussion: 'discussion', reflection: 'case reflection', board: 'whiteboard', dialogue: 'dialogue' } },
};

export interface CalendarFile {
  body: string;
  filename: string;
}

/**
 * iCalendar (METHOD:PUBLISH) for one session or every upcoming session of a lab. Times are UTC; the UID is stable
 * per session and SEQUENCE rises with each change, so a calendar that imports the file again updates the event.
 * Only what the facilitator planned is in it (title, time, place, agenda item titles): never who takes part, nor
 * the titles of what items point at.
 */
@Injectable()
export class CalendarService {
  private readonly host: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.host = new URL(config.publicUrl).host;
  }

  async forSession(labId: string, id: string, language: Language): Promise<CalendarFile | null> {
    const session = await this.db.getRepository(LabSession).findOneBy({ id, labId });
    if (!session) return null;
    return { body: await this.build(labId, [session], language), filename: `relab-session-${id.slice(0, 8)}.ics` };
  }

  /** Every session of the lab that has not ended yet (cancelled ones as CANCELLED, so calendars drop them). */
  async forLab(labId: string, language: Language): Promise<CalendarFile> {
    const sessions = await this.db
      .getRepository(LabSession)
      .createQueryBuilder('s')
      .where('s.lab_id = :labId', { labId })
      .andWhere(`(s.status = 'live' OR (s.status IN ('planned', 'cancelled') AND s.ends_at > now()))`)
      .orderBy('s.starts_at', 'ASC')
      .take(500)
      .getMany();
    return { body: await this.build(labId, sessions, language), filename: `relab-lab-${labId.slice(0, 8)}.ics` };
  }

  private async build(labId: string, sessions: LabSession[], language: Language): Promise<string> {
    const l = LABELS[language];
    const lab = await this.db.getRepository(Lab).findOneBy({ id: labId });
    const items = sessions.length
      ? await this.db.getRepository(SessionItem).find({ where: { sessionId: In(sessions.map((s) => s.id)) }, order: { position: 'ASC' } })
      : [];
    const calendar = ical({
      name: lab?.name ?? 'RELAB',
      prodId: { company: 'RELAB', product: 'sessions', language: language.toUpperCase() },
      method: ICalCalendarMethod.PUBLISH,
    });
    for (const s of sessions) {
      const page = `${this.config.publicUrl}/labs/${labId}/sessions/${s.id}`;
      const agenda = items.filter((i) => i.sessionId === s.id).map((i, n) => `${n + 1}. ${i.title} (${i.minutes} min, ${l.kinds[i.kind]})`);
      const description = [
        ...(s.onlineUrl ? [`${l.online}: ${s.onlineUrl}`, ''] : []),
        ...(agenda.length ? [`${l.agenda}:`, ...agenda, ''] : []),
        `${l.open}: ${page}`,
      ].join('\n');
      calendar.createEvent({
        id: `${s.id}@${this.host}`,
        sequence: s.sequence,
        start: s.startsAt,
        end: s.endsAt,
        summary: s.title,
        location: s.location ?? s.onlineUrl ?? null,
        url: page,
        description,
        status: s.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        created: s.createdAt,
        lastModified: s.updatedAt,
      });
    }
    return calendar.toString();
  }
}
