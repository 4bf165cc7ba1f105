import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { languageCommunityOf, pairClass, stakeholderIn, type InteractionKind, type Language, type MemberSnapshot, type Sector } from '@relab/shared';
import { ActivitySettingsService } from './activity-settings.service.js';
import { APPLY_PAIR_MONTHS, APPLY_SPAN, GROUP_ORDER, REBUILD, SPANS } from './rollups.js';

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
    const rowsToInsert: Array<{ a: string; b: string; sa: MemberSnapshot; sb: MemberSnapshot; cls: number; source: string }> = [];
    for (const i of wanted) {
      const [a, b] = i.a < i.b ? [i.a, i.b] : [i.b, i.a];
      const sa = snapshots.get(a);
      const sb = snapshots.get(b);
      if (!sa || !sb) continue;
      rowsToInsert.push({ a, b, sa, sb, cls: pairClass(sa, sb), source: i.source });
    }
    if (rowsToInsert.length === 0) return 0;
    const sessionId = options.sessionId !== undefined ? options.sessionId : await this.liveSession(labId);
    const members = [...new Set(rowsToInsert.flatMap((r) => [r.a, r.b]))];
    return this.db.transaction(async (m) => {
      // numbers of members and pairs are dense per lab: one writer per lab at a time
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('activity-members:' || $1))`, [labId]);
      const snap = (id: string) => snapshots.get(id)!;
      const snapshotParams = [labId, members, members.map((id) => snap(id).group), members.map((id) => snap(id).tier), members.map((id) => snap(id).language)];
      await m.query(
        `INSERT INTO activity_members (lab_id, member_id, seq, group_id, tier, lang)
         SELECT $1, x.id, (SELECT coalesce(max(seq), 0) FROM activity_members WHERE lab_id = $1) + row_number() OVER (ORDER BY x.ord), x.g, x.t, x.l
         FROM unnest($2::uuid[], $3::text[], $4::smallint[], $5::text[]) WITH ORDINALITY AS x(id, g, t, l, ord)
         WHERE NOT EXISTS (SELECT 1 FROM activity_members am WHERE am.lab_id = $1 AND am.member_id = x.id)`,
        snapshotParams,
      );
      // the network colours a member by their latest snapshot
      await m.query(
        `UPDATE activity_members am SET group_id = x.g, tier = x.t, lang = x.l
         FROM unnest($2::uuid[], $3::text[], $4::smallint[], $5::text[]) AS x(id, g, t, l)
         WHERE am.lab_id = $1 AND am.member_id = x.id`,
        snapshotParams,
      );
      await m.query(
        `INSERT INTO activity_pairs (lab_id, member_a, member_b, seq, first_day, cls)
         SELECT $1, x.a, x.b, (SELECT coalesce(max(seq), 0) FROM activity_pairs WHERE lab_id = $1) + row_number() OVER (ORDER BY x.ord),
                (now() AT TIME ZONE 'UTC')::date, x.cls
         FROM (SELECT DISTINCT ON (a, b) a, b, cls, ord FROM unnest($2::uuid[], $3::uuid[], $4::smallint[]) WITH ORDINALITY AS t(a, b, cls, ord) ORDER BY a, b, ord) x
         WHERE NOT EXISTS (SELECT 1 FROM activity_pairs p WHERE p.lab_id = $1 AND p.member_a = x.a AND p.member_b = x.b)`,
        [labId, rowsToInsert.map((r) => r.a), rowsToInsert.map((r) => r.b), rowsToInsert.map((r) => r.cls)],
      );
      const col = <T>(f: (r: (typeof rowsToInsert)[number]) => T) => rowsToInsert.map(f);
      const inserted: Array<{ id: string }> = await m.query(
        `INSERT INTO interaction_events (lab_id, occurred_at, day, kind, weight, session_id, member_a, member_b, pair, cls,
           group_a, tier_a, lang_a, municipality_a, group_b, tier_b, lang_b, municipality_b, life_domains, source)
         SELECT $1, now(), (now() AT TIME ZONE 'UTC')::date, $2, $3, $4, t.a, t.b, p.seq, t.cls, t.ga, t.ta, t.la, t.ma, t.gb, t.tb, t.lb, t.mb, $5, t.src
         FROM unnest($6::uuid[], $7::uuid[], $8::smallint[], $9::text[], $10::smallint[], $11::text[], $12::text[], $13::text[], $14::smallint[], $15::text[], $16::text[], $17::text[])
           AS t(a, b, cls, ga, ta, la, ma, gb, tb, lb, mb, src)
         JOIN activity_pairs p ON p.lab_id = $1 AND p.member_a = t.a AND p.member_b = t.b
         ON CONFLICT (lab_id, source) DO NOTHING
         RETURNING id::text AS id`,
        [
          labId, kind, settings.weights[kind], sessionId, options.lifeDomains ?? [],
          col((r) => r.a), col((r) => r.b), col((r) => r.cls),
          col((r) => r.sa.group), col((r) => r.sa.tier), col((r) => r.sa.language), col((r) => r.sa.municipality),
          col((r) => r.sb.group), col((r) => r.sb.tier), col((r) => r.sb.language), col((r) => r.sb.municipality),
          col((r) => r.source),
        ],
      );
      if (inserted.length === 0) return 0;
      const ids = inserted.map((r) => r.id);
      await m.query(`SELECT activity_fit($1)`, [labId]);
      for (const span of SPANS) await m.query(APPLY_SPAN, [labId, ids, GROUP_ORDER, span]);
      await m.query(APPLY_PAIR_MONTHS, [labId, ids]);
      return inserted.length;
    });
  }

  /** Rebuilds a lab's pre-aggregates from its events (after a bulk import; the benchmark's seeding). */
  async rebuild(labId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      for (const sql of REBUILD) await m.query(sql, [labId]);
      for (const span of SPANS) await m.query(APPLY_SPAN, [labId, null, GROUP_ORDER, span]);
      await m.query(APPLY_PAIR_MONTHS, [labId, null]);
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
