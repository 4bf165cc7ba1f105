import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AnalyticsService, pseudonymOf, type Period } from './analytics.service.js';
import { ActivitySettingsService } from './activity-settings.service.js';

/** The mark of a suppressed value in exports (a value shared by fewer than k members). */
export const SUPPRESSED = '*';
const PAGE = 5000;

const CSV_COLUMNS = [
  'event', 'day', 'kind', 'weight', 'tie', 'session', 'member_a', 'group_a', 'tier_a', 'language_a', 'municipality_a',
  'member_b', 'group_b', 'tier_b', 'language_b', 'municipality_b', 'life_domains',
] as const;

/**
 * Researcher exports (data dictionary: docs/activity-data.md). Members appear by their activity pseudonym only;
 * a group or municipality that fewer than k members of the lab's activity share is replaced by `*`; times are days.
 */
@Injectable()
export class ActivityExportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly analytics: AnalyticsService,
    private readonly settings: ActivitySettingsService,
  ) {}

  /** The CSV of the period's events, written page by page (events are never all in memory). */
  async csv(labId: string, period: Period, write: (chunk: string) => void): Promise<void> {
    const settings = await this.settings.get(labId);
    const rule = settings.bondingRequiresSameLanguage;
    const [names, rare] = await Promise.all([this.analytics.pseudonyms(labId), this.rareValues(labId, settings.kAnonymity)]);
    const group = (g: string) => (rare.groups.has(g) ? SUPPRESSED : g);
    const town = (m: string | null) => (m === null ? '' : rare.municipalities.has(m.toLowerCase()) ? SUPPRESSED : m);
    write(CSV_COLUMNS.join(',') + '\n');
    let after = 0;
    for (;;) {
      const rows: Array<Record<string, unknown>> = await this.db.query(
        `SELECT id::int AS id, day::text AS day, kind, weight::float8 AS weight, session_id, member_a, group_a, tier_a, lang_a, municipality_a,
                member_b, group_b, tier_b, lang_b, municipality_b, life_domains,
                CASE WHEN tier_a <> tier_b THEN 'linking' WHEN group_a = group_b AND (NOT $5::boolean OR lang_a = lang_b) THEN 'bonding' ELSE 'bridging' END AS tie
         FROM interaction_events WHERE lab_id = $1 AND day BETWEEN $2::date AND $3::date AND id > $4 ORDER BY id LIMIT ${PAGE}`,
        [labId, period.from, period.to, after, rule],
      );
      if (rows.length === 0) return;
      let out = '';
      for (const r of rows) {
        out +=
          [
            r.id, r.day, r.kind, r.weight, r.tie, r.session_id ?? '',
            names.get(r.member_a as string) ?? SUPPRESSED, group(r.group_a as string), r.tier_a, r.lang_a, town(r.municipality_a as string | null),
            names.get(r.member_b as string) ?? SUPPRESSED, group(r.group_b as string), r.tier_b, r.lang_b, town(r.municipality_b as string | null),
            (r.life_domains as string[]).join(';'),
          ].map(csvCell).join(',') + '\n';
      }
      write(out);
      after = rows[rows.length - 1]!.id as number;
      if (rows.length < PAGE) return;
    }
  }

  /** The period's network as GraphML: members by pseudonym (groups under k members suppressed), ties with kind and weight. */
  async graphml(labId: string, period: Period): Promise<string> {
    const settings = await this.settings.get(labId);
    const [net, rare] = await Promise.all([this.analytics.network(labId, period, 'members'), this.rareValues(labId, settings.kAnonymity)]);
    const lines = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
      '  <key id="group" for="node" attr.name="group" attr.type="string"/>',
      '  <key id="tier" for="node" attr.name="tier" attr.type="int"/>',
      '  <key id="language" for="node" attr.name="language" attr.type="string"/>',
      '  <key id="strength" for="node" attr.name="strength" attr.type="double"/>',
      '  <key id="kind" for="edge" attr.name="kind" attr.type="string"/>',
      '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
      '  <key id="interactions" for="edge" attr.name="interactions" attr.type="int"/>',
      `  <graph id="relab-${xml(period.from)}-${xml(period.to)}" edgedefault="undirected">`,
    ];
    for (const n of net.nodes) {
      lines.push(
        `    <node id="${xml(n.id)}"><data key="group">${xml(rare.groups.has(n.group) ? SUPPRESSED : n.group)}</data><data key="tier">${n.tier}</data>` +
          `<data key="language">${xml(n.language ?? '')}</data><data key="strength">${n.strength}</data></node>`,
      );
    }
    net.edges.forEach((e, i) => {
      lines.push(
        `    <edge id="e${i}" source="${xml(e.source)}" target="${xml(e.target)}"><data key="kind">${e.kind}</data>` +
          `<data key="weight">${e.weight}</data><data key="interactions">${e.interactions}</data></edge>`,
      );
    });
    lines.push('  </graph>', '</graphml>', '');
    return lines.join('\n');
  }

  /** Groups and municipalities that fewer than k members of the lab's interaction events share. */
  private async rareValues(labId: string, k: number): Promise<{ groups: Set<string>; municipalities: Set<string> }> {
    const rows: Array<{ what: string; value: string }> = await this.db.query(
      `WITH m AS (
         SELECT DISTINCT member_a AS id, group_a AS g, lower(municipality_a) AS town FROM interaction_events WHERE lab_id = $1
         UNION SELECT DISTINCT member_b, group_b, lower(municipality_b) FROM interaction_events WHERE lab_id = $1
       )
       SELECT 'group' AS what, g AS value FROM m GROUP BY g HAVING count(DISTINCT id) < $2
       UNION ALL SELECT 'town', town FROM m WHERE town IS NOT NULL GROUP BY town HAVING count(DISTINCT id) < $2`,
      [labId, k],
    );
    return {
      groups: new Set(rows.filter((r) => r.what === 'group').map((r) => r.value)),
      municipalities: new Set(rows.filter((r) => r.what === 'town').map((r) => r.value)),
    };
  }
}

/** RFC 4180 cell; a leading =, +, - or @ is quoted away so a spreadsheet does not run it as a formula. */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
export { pseudonymOf };
