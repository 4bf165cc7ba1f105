import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bonding, bridging and linking (issue 7, ADR 0010): interaction events with member snapshots, the first
 * interaction of every pair (new ties), stable activity pseudonyms, and the lab's settings.
 */
export class Activity1769000000000 implements MigrationInterface {
  name = 'Activity1769000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE activity_settings (
        lab_id uuid PRIMARY KEY REFERENCES labs(id) ON DELETE CASCADE,
        weights jsonb NOT NULL DEFAULT '{}',
        k_anonymity integer NOT NULL DEFAULT 3 CHECK (k_anonymity BETWEEN 2 AND 20),
        bonding_requires_same_language boolean NOT NULL DEFAULT false,
        mapping jsonb NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // one stable pseudonym number per member and lab; an erased member keeps the number, not the identity
    await q.query(`
      CREATE TABLE activity_members (
        lab_id uuid NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
        member_id uuid NOT NULL,
        seq integer NOT NULL CHECK (seq >= 0),
        erased boolean NOT NULL DEFAULT false,
        -- the member's snapshot in their latest interaction (the network's colours)
        group_id text NOT NULL,
        tier smallint NOT NULL,
        lang text NOT NULL,
        PRIMARY KEY (lab_id, member_id),
        UNIQUE (lab_id, seq)
      )`);
    // member_a < member_b: a pair has one spelling. member ids are not foreign keys: erasure replaces them.
    await q.query(`
      CREATE TABLE interaction_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        lab_id uuid NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        day date NOT NULL,
        kind text NOT NULL,
        weight real NOT NULL CHECK (weight >= 0),
        session_id uuid REFERENCES lab_sessions(id) ON DELETE SET NULL,
        member_a uuid NOT NULL,
        member_b uuid NOT NULL,
        -- the pair's number in the lab (activity_pairs.seq) and the class of the two snapshots (see below)
        pair integer NOT NULL,
        cls smallint NOT NULL CHECK (cls BETWEEN 0 AND 7),
        group_a text NOT NULL,
        tier_a smallint NOT NULL,
        lang_a text NOT NULL,
        municipality_a text,
        group_b text NOT NULL,
        tier_b smallint NOT NULL,
        lang_b text NOT NULL,
        municipality_b text,
        life_domains text[] NOT NULL DEFAULT '{}',
        source text NOT NULL,
        CHECK (member_a < member_b),
        UNIQUE (lab_id, source)
      )`);
    // the dashboard reads a lab's period from this index alone (index-only scan)
    await q.query(`
      CREATE INDEX interaction_events_lab_day_idx ON interaction_events (lab_id, day) INCLUDE (pair, cls, weight)`);
    await q.query(`CREATE INDEX interaction_events_session_idx ON interaction_events (session_id) WHERE session_id IS NOT NULL`);
    await q.query(`CREATE INDEX interaction_events_domains_idx ON interaction_events USING gin (life_domains)`);
    await q.query(`CREATE INDEX interaction_events_member_a_idx ON interaction_events (lab_id, member_a)`);
    await q.query(`CREATE INDEX interaction_events_member_b_idx ON interaction_events (lab_id, member_b)`);
    // every pair of the lab with a number (its bit in the day bitmaps), its first interaction ever (new ties) and
    // the class of that first interaction
    await q.query(`
      CREATE TABLE activity_pairs (
        lab_id uuid NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
        member_a uuid NOT NULL,
        member_b uuid NOT NULL,
        seq integer NOT NULL CHECK (seq >= 0),
        first_day date NOT NULL,
        cls smallint NOT NULL,
        PRIMARY KEY (lab_id, member_a, member_b),
        UNIQUE (lab_id, seq)
      )`);
    await q.query(`CREATE INDEX activity_pairs_first_idx ON activity_pairs (lab_id, first_day)`);
    /*
     * Pre-aggregation per day, week and month (ADR 0010). `dim` 0–7 is a class of pair: bit 1 power tiers differ,
     * bit 2 same stakeholder group, bit 4 same language community; `dim` 100 + 2·g (+1 inside the group) is
     * stakeholder group g (index in STAKEHOLDER_GROUPS). `pairs` and `members` are bitmaps of the pairs' and
     * members' numbers, so the distinct ties and members of any period and bucket are bit_count(bit_or(…)) over
     * its whole weeks or months and the days at its edges. `scope` is the whole lab (''), one live session
     * ('s:' + id) or one life domain ('d:' + domain): each event counts in each of its scopes.
     */
    await q.query(`
      CREATE TABLE activity_spans (
        lab_id uuid NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
        span text NOT NULL CHECK (span IN ('day', 'week', 'month')),
        scope text NOT NULL,
        start date NOT NULL,
        dim smallint NOT NULL,
        events integer NOT NULL,
        weight double precision NOT NULL,
        pairs bit varying NOT NULL,
        members bit varying NOT NULL,
        PRIMARY KEY (lab_id, span, scope, start, dim)
      )`);
    // the length of a lab's bitmaps (grown, with every row padded, when a new pair or member needs more)
    await q.query(`
      CREATE TABLE activity_bitmaps (
        lab_id uuid PRIMARY KEY REFERENCES labs(id) ON DELETE CASCADE,
        pair_bits integer NOT NULL,
        member_bits integer NOT NULL
      )`);
    // weight per pair, month and class: the network of any period without reading its events
    await q.query(`
      CREATE TABLE activity_pair_months (
        lab_id uuid NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
        month date NOT NULL,
        pair integer NOT NULL,
        cls smallint NOT NULL,
        events integer NOT NULL,
        weight double precision NOT NULL,
        PRIMARY KEY (lab_id, month, pair, cls)
      )`);
    // a bitmap of `len` bits with the given positions set, written in one pass (runs of zeros, then a one)
    await q.query(`
      CREATE FUNCTION activity_bits(len integer, positions integer[]) RETURNS bit varying LANGUAGE sql IMMUTABLE AS $$
        SELECT (coalesce(string_agg(repeat('0', x.p - x.prev - 1) || '1', '' ORDER BY x.p), '')
                || repeat('0', len - coalesce(max(x.p), -1) - 1))::bit varying
        FROM (SELECT u.p, lag(u.p, 1, -1) OVER (ORDER BY u.p) AS prev FROM (SELECT DISTINCT unnest(positions) AS p) u) x
      $$`);
    // makes the lab's bitmaps long enough for its highest pair and member numbers (doubling, padding every row)
    await q.query(`
      CREATE FUNCTION activity_fit(lab uuid) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        pb integer;
        mb integer;
        np integer;
        nm integer;
      BEGIN
        INSERT INTO activity_bitmaps (lab_id, pair_bits, member_bits) VALUES (lab, 4096, 256) ON CONFLICT DO NOTHING;
        SELECT pair_bits, member_bits INTO pb, mb FROM activity_bitmaps WHERE lab_id = lab FOR UPDATE;
        SELECT coalesce(max(seq), 0) + 1 INTO np FROM activity_pairs WHERE lab_id = lab;
        SELECT coalesce(max(seq), 0) + 1 INTO nm FROM activity_members WHERE lab_id = lab;
        IF np <= pb AND nm <= mb THEN
          RETURN;
        END IF;
        np := greatest(np, pb);
        nm := greatest(nm, mb);
        WHILE pb < np LOOP pb := pb * 2; END LOOP;
        WHILE mb < nm LOOP mb := mb * 2; END LOOP;
        UPDATE activity_spans d SET
          pairs = d.pairs || repeat('0', pb - length(d.pairs))::bit varying,
          members = d.members || repeat('0', mb - length(d.members))::bit varying
        WHERE d.lab_id = lab;
        UPDATE activity_bitmaps SET pair_bits = pb, member_bits = mb WHERE lab_id = lab;
      END $$`);
    // who edited a reflection within one scope (a live session, or a day without one): the co-editing pairs
    await q.query(`
      CREATE TABLE activity_editors (
        lab_id uuid NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
        reflection_id uuid NOT NULL,
        scope text NOT NULL,
        member_id uuid NOT NULL,
        first_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (reflection_id, scope, member_id)
      )`);
    await q.query(`CREATE INDEX activity_editors_member_idx ON activity_editors (lab_id, member_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION activity_fit, activity_bits`);
    await q.query(`DROP TABLE activity_pair_months, activity_bitmaps, activity_spans, activity_editors, activity_pairs, interaction_events, activity_members, activity_settings`);
  }
}
