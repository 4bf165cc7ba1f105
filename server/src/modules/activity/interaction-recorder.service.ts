import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { languageCommunityOf, stakeholderIn, type InteractionKind, type Language, type MemberSnapshot, type Sector } from '@relab/shared';
import { ActivitySettingsService } from './activity-settings.service.js';

/** One interaction to record: two members of a lab (by member id) and where it came from. */
export interface InteractionInput {
  a: string;
  b: string;
  /** Names the source (e.g. `dmsg:<messageId>:reply`): the same source is recorded once, whatever is retried. */
  source: string;
}

export interface RecordOptions {
  /** The lab session it belongs to; by default the lab's live session, if one is running. */
  sessionId?: string | null;
  lifeDomains?: string[];
}

interface MemberRow {
  id: string;
  role: string;
  sector: Sector | null;
  language: Language;
  municipality: string | null;
}

/**
 * Writes interaction events: the two members' snapshots (group and tier under the lab's mapping, language community,
 * municipality) as they are now, the kind's weight under the lab's settings, the pair's first interaction, and the
 * members' activity pseudonyms. Pairs with a member outside any stakeholder group (an observer, a practitioner
 * without a sector) and a member with themself are not interactions between groups and are left out.
 */
@Injectable()
export class InteractionRecorder {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly settings: ActivitySettingsService,
  ) {}

  /** Returns how many new events were stored. */
  async record(labId: string, kind: InteractionKind, inputs: InteractionInput[], options: RecordOptions = {}): Promise<number> {
    const wanted = inputs.filter((i) => i.a !== i.b);
    if (wanted.length === 0) return 0;
    const ids = [...new Set(wanted.flatMap((i) => [i.a, i.b]))];
    const rows: MemberRow[] = await this.db.query(
      `SELECT lm.id, lm.role, coalesce(lm.sector, u.sector) AS sector, u.language, u.municipality
       FROM lab_members lm JOIN users u ON u.id = lm.user_id WHERE lm.lab_id = $1 AND lm.id = ANY($2::uuid[])`,
      [labId, ids],
    );
    const settings = await this.settings.get(labId);
    const snapshots = new Map<string, MemberSnapshot>();
    for (const m of rows) {
      const s = stakeholderIn(settings.mapping, { role: m.role, sector: m.sector });
      if (s) snapshots.set(m.id, { group: s.group, tier: s.tier, language: languageCommunityOf(m.language), municipality: m.municipality });
    }
    const values: unknown[][] = [];
    for (const i of wanted) {
      const [a, b] = i.a < i.b ? [i.a, i.b] : [i.b, i.a];
      const sa = snapshots.get(a);
      const sb = snapshots.get(b);
      if (!sa || !sb) continue;
      values.push([a, b, sa.group, sa.tier, sa.language, sa.municipality, sb.group, sb.tier, sb.language, sb.municipality, i.source]);
    }
    if (values.length === 0) return 0;
    const sessionId = options.sessionId !== undefined ? options.sessionId : await this.liveSession(labId);
    const col = (n: number) => values.map((v) => v[n]);
    return this.db.transaction(async (m) => {
      const inserted: Array<{ member_a: string; member_b: string; day: string }> = await m.query(
        `INSERT INTO interaction_events (lab_id, occurred_at, day, kind, weight, session_id, member_a, member_b,
           group_a, tier_a, lang_a, municipality_a, group_b, tier_b, lang_b, municipality_b, life_domains, source)
         SELECT $1, now(), (now() AT TIME ZONE 'UTC')::date, $2, $3, $4, t.a, t.b, t.ga, t.ta, t.la, t.ma, t.gb, t.tb, t.lb, t.mb, $5, t.src
         FROM unnest($6::uuid[], $7::uuid[], $8::text[], $9::smallint[], $10::text[], $11::text[], $12::text[], $13::smallint[], $14::text[], $15::text[], $16::text[])
           AS t(a, b, ga, ta, la, ma, gb, tb, lb, mb, src)
         ON CONFLICT (lab_id, source) DO NOTHING
         RETURNING member_a, member_b, day::text AS day`,
        [labId, kind, settings.weights[kind], sessionId, options.lifeDomains ?? [], col(0), col(1), col(2), col(3), col(4), col(5), col(6), col(7), col(8), col(9), col(10)],
      );
      if (inserted.length === 0) return 0;
      await m.query(
        `INSERT INTO activity_pairs (lab_id, member_a, member_b, first_day)
         SELECT $1, a, b, d::date FROM unnest($2::uuid[], $3::uuid[], $4::text[]) AS t(a, b, d)
         ON CONFLICT (lab_id, member_a, member_b) DO NOTHING`,
        [labId, inserted.map((r) => r.member_a), inserted.map((r) => r.member_b), inserted.map((r) => r.day)],
      );
      const members = [...new Set(inserted.flatMap((r) => [r.member_a, r.member_b]))];
      // pseudonym numbers in order of first activity; the lock keeps them dense and unique under concurrency
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('activity-members:' || $1))`, [labId]);
      await m.query(
        `INSERT INTO activity_members (lab_id, member_id, seq)
         SELECT $1, x.id, (SELECT coalesce(max(seq), 0) FROM activity_members WHERE lab_id = $1) + row_number() OVER (ORDER BY x.ord)
         FROM unnest($2::uuid[]) WITH ORDINALITY AS x(id, ord)
         WHERE NOT EXISTS (SELECT 1 FROM activity_members am WHERE am.lab_id = $1 AND am.member_id = x.id)`,
        [labId, members],
      );
      return inserted.length;
    });
  }

  /** The lab's live session, if one is running. */
  async liveSession(labId: string): Promise<string | null> {
    const rows: Array<{ id: string }> = await this.db.query(`SELECT id FROM lab_sessions WHERE lab_id = $1 AND status = 'live' ORDER BY starts_at LIMIT 1`, [labId]);
    return rows[0]?.id ?? null;
  }

  /** Member ids of users in a lab. */
  async membersOf(labId: string, userIds: string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const rows: Array<{ id: string; user_id: string }> = await this.db.query(`SELECT id, user_id FROM lab_members WHERE lab_id = $1 AND user_id = ANY($2::uuid[])`, [labId, userIds]);
    return new Map(rows.map((r) => [r.user_id, r.id]));
  }
}
