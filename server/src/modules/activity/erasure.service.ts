import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError } from '../../common/errors/app-error.js';
import { DomainEventBus } from '../../common/events/domain-events.js';

/**
 * Erasure on request: the member's id leaves every interaction event, pair and pseudonym row of the lab and is
 * replaced by a fresh random id that nothing links back to them; their municipality is removed, the source keys
 * that named them are replaced. Groups, tiers, languages, kinds, weights and days stay, so every aggregate and
 * the shape of the network stay the same.
 */
@Injectable()
export class ActivityErasureService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: DomainEventBus,
  ) {}

  async erase(labId: string, memberId: string, actorId: string): Promise<void> {
    const known: unknown[] = await this.db.query(
      `SELECT 1 FROM lab_members WHERE lab_id = $1 AND id = $2 UNION ALL SELECT 1 FROM activity_members WHERE lab_id = $1 AND member_id = $2 AND NOT erased`,
      [labId, memberId],
    );
    if (known.length === 0) throw new AppError('MEMBER_NOT_FOUND', 'No such member in this lab');
    const stand = randomUUID();
    await this.db.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('activity-members:' || $1))`, [labId]);
      // the pair keeps one spelling (member_a < member_b): when the stand-in changes the order, both snapshots swap too
      const side = (col: string) =>
        `${col}_a = CASE WHEN s.na < s.nb THEN e.${col}_a ELSE e.${col}_b END, ${col}_b = CASE WHEN s.na < s.nb THEN e.${col}_b ELSE e.${col}_a END`;
      await m.query(
        `WITH s AS (
           SELECT id,
                  CASE WHEN member_a = $2 THEN $3::uuid ELSE member_a END AS na,
                  CASE WHEN member_b = $2 THEN $3::uuid ELSE member_b END AS nb,
                  CASE WHEN member_a = $2 THEN NULL ELSE municipality_a END AS ma,
                  CASE WHEN member_b = $2 THEN NULL ELSE municipality_b END AS mb
           FROM interaction_events WHERE lab_id = $1 AND (member_a = $2 OR member_b = $2)
         )
         UPDATE interaction_events e SET
           member_a = least(s.na, s.nb), member_b = greatest(s.na, s.nb),
           ${side('group')}, ${side('tier')}, ${side('lang')},
           municipality_a = CASE WHEN s.na < s.nb THEN s.ma ELSE s.mb END,
           municipality_b = CASE WHEN s.na < s.nb THEN s.mb ELSE s.ma END,
           source = 'erased:' || e.id
         FROM s WHERE e.id = s.id`,
        [labId, memberId, stand],
      );
      await m.query(
        `UPDATE activity_pairs SET
           member_a = least(CASE WHEN member_a = $2 THEN $3 ELSE member_a END, CASE WHEN member_b = $2 THEN $3 ELSE member_b END),
           member_b = greatest(CASE WHEN member_a = $2 THEN $3 ELSE member_a END, CASE WHEN member_b = $2 THEN $3 ELSE member_b END)
         WHERE lab_id = $1 AND (member_a = $2 OR member_b = $2)`,
        [labId, memberId, stand],
      );
      await m.query(`UPDATE activity_members SET member_id = $3, erased = true WHERE lab_id = $1 AND member_id = $2`, [labId, memberId, stand]);
      await m.query(`DELETE FROM activity_editors WHERE lab_id = $1 AND member_id = $2`, [labId, memberId]);
    });
    await this.events.emit('activity.member_erased', { actorId, labId, memberId });
  }
}
