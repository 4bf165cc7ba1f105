import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { boardDocName, reflectionDocName, sessionNotesDocName } from '@relab/shared';
import { VersionsService } from '../../collab/versions/versions.service.js';
import { LabSession, SessionItem, SessionVersion } from './session.entity.js';

/**
 * When a session ends: an automatic version of every document it touched — its notes, and each reflection and
 * board on the agenda that was covered — recorded for the report. A version that cannot be saved is recorded
 * without an id (and logged without any content), the others are still saved.
 */
@Injectable()
export class SessionVersionsService {
  private readonly logger = new Logger('SessionVersions');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly versions: VersionsService,
  ) {}

  async saveAll(labId: string, sessionId: string): Promise<void> {
    const session = await this.db.getRepository(LabSession).findOneByOrFail({ id: sessionId, labId });
    const covered = (await this.db.getRepository(SessionItem).find({ where: { sessionId }, order: { position: 'ASC' } })).filter((i) => i.coveredAt && i.refId);
    const exists = async (table: 'reflections' | 'boards', ids: string[]) =>
      new Set(
        ids.length === 0
          ? []
          : ((await this.db.query(`SELECT id FROM ${table} WHERE lab_id = $1 AND id = ANY($2::uuid[])`, [labId, ids])) as Array<{ id: string }>).map((r) => r.id),
      );
    const reflections = await exists('reflections', covered.filter((i) => i.kind === 'reflection').map((i) => i.refId!));
    const boards = await exists('boards', covered.filter((i) => i.kind === 'board').map((i) => i.refId!));

    const docs = new Map<string, string>([[sessionNotesDocName(sessionId), session.title]]);
    for (const item of covered) {
      if (item.kind === 'reflection' && reflections.has(item.refId!)) docs.set(reflectionDocName(item.refId!), docs.get(reflectionDocName(item.refId!)) ?? item.title);
      if (item.kind === 'board' && boards.has(item.refId!)) docs.set(boardDocName(item.refId!), docs.get(boardDocName(item.refId!)) ?? item.title);
    }
    const day = DateTime.fromJSDate(session.startedAt ?? session.startsAt, { zone: session.timeZone }).toISODate();
    const versionName = `${session.title} (${day})`.slice(0, 200);
    const rows: SessionVersion[] = [];
    for (const [docName, title] of docs) {
      let versionId: string | null = null;
      try {
        versionId = (await this.versions.saveAuto(docName, versionName))?.id ?? null;
      } catch (e) {
        this.logger.error(`automatic version of a ${docName.split(':')[0]} document failed: ${(e as Error).name}`);
      }
      rows.push(Object.assign(new SessionVersion(), { sessionId, position: rows.length, docName, title, versionId }));
    }
    await this.db.createQueryBuilder().insert().into(SessionVersion).values(rows).orIgnore().execute();
  }
}
