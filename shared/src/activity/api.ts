import { z } from 'zod';
import { uuidSchema } from '../api/common.js';
import { LIFE_DOMAINS, type LifeDomain } from '../domain/life-domains.js';
import { STAKEHOLDER_GROUPS, type PowerTier, type StakeholderGroup } from '../domain/sectors.js';
import {
  ACTIVITY_BUCKETS,
  INTERACTION_KINDS,
  K_ANONYMITY_RANGE,
  MAX_INTERACTION_WEIGHT,
  STAKEHOLDER_KEYS,
  type ActivityBucket,
  type ClassificationRule,
  type InteractionKind,
  type LanguageCommunity,
  type StakeholderMapping,
  type TieKind,
} from './model.js';

/*
 * REST contract of activity tracking, under /api/labs/:labId/activity (issue 7, ADR 0010).
 *
 *   GET  /settings                     ActivitySettings   facilitators and observers: weights, k, rule, mapping
 *   PUT  /settings                     ActivitySettings   facilitators
 *   GET  /dashboard?from&to&bucket&sessionId&lifeDomain   Dashboard        facilitators; observers (aggregates only)
 *   GET  /network?from&to&sessionId&lifeDomain            Network          facilitators: members by pseudonym;
 *                                                                          observers: groups only; the
 *                                                                          MAX_DRAWN_EDGES strongest ties and
 *                                                                          edgesTotal (all: the GraphML)
 *   GET  /brokers?from&to&sessionId&lifeDomain            Broker[]         facilitators: members who connect
 *                                                                          groups not otherwise connected
 *   GET  /export/events.csv?from&to     text/csv           facilitators: pseudonymous events (data dictionary in docs/)
 *   GET  /export/network.graphml?from&to application/xml   facilitators
 *   POST /erasures { memberId }          204               facilitators: a member's identity leaves every event
 *   POST /erasures/me                    204               any member: their own identity leaves every event
 */

const weight = z.number().min(0).max(MAX_INTERACTION_WEIGHT);
const tierSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);

export const activitySettingsUpdateSchema = z.strictObject({
  weights: z.partialRecord(z.enum(INTERACTION_KINDS), weight).optional(),
  kAnonymity: z.number().int().min(K_ANONYMITY_RANGE.min).max(K_ANONYMITY_RANGE.max).optional(),
  bondingRequiresSameLanguage: z.boolean().optional(),
  /** Overrides of the sector → group/tier mapping; a key set to null returns to the default. */
  mapping: z.partialRecord(z.enum(STAKEHOLDER_KEYS), z.strictObject({ group: z.enum(STAKEHOLDER_GROUPS), tier: tierSchema }).nullable()).optional(),
});
export type ActivitySettingsUpdate = z.infer<typeof activitySettingsUpdateSchema>;

export interface ActivitySettings extends ClassificationRule {
  weights: Record<InteractionKind, number>;
  kAnonymity: number;
  /** The effective mapping (defaults with overrides). */
  mapping: StakeholderMapping;
  /** Which keys differ from the default. */
  overridden: string[];
}

const day = z.iso.date();
export const activityQuerySchema = z
  .strictObject({
    /** First day included (UTC, YYYY-MM-DD). Default: 90 days before `to`. */
    from: day.optional(),
    /** Last day included. Default: today. */
    to: day.optional(),
    bucket: z.enum(ACTIVITY_BUCKETS).default('week'),
    sessionId: uuidSchema.optional(),
    lifeDomain: z.enum(LIFE_DOMAINS).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] });
export type ActivityQuery = z.input<typeof activityQuerySchema>;

export const erasureSchema = z.strictObject({ memberId: uuidSchema });

/** A number that is null when the cell describes fewer than k members (see `suppress`). */
export type Suppressible = number | null;

export interface TieKindFigures {
  /** Distinct pairs of members with at least one interaction of this tie kind. */
  ties: Suppressible;
  /** Sum of the interaction weights. */
  weight: Suppressible;
  /** Share of the period's total weight (0–1). */
  share: Suppressible;
}

export interface DashboardBucket {
  /** First day of the week (Monday) or month. */
  start: string;
  kinds: Record<TieKind, TieKindFigures>;
}

export interface GroupFigures {
  group: StakeholderGroup;
  /** Distinct members of this group with a tie in the period. */
  members: Suppressible;
  external: Suppressible;
  internal: Suppressible;
  ei: Suppressible;
}

export interface Broker {
  /** The member's pseudonym (what others see in the lab). */
  pseudonym: string;
  group: StakeholderGroup;
  /** Normalised betweenness centrality (graphology-metrics). */
  betweenness: number;
  /** How many groups this member has ties with that have no direct tie between them. */
  groupsBridged: number;
}

export interface Dashboard {
  from: string;
  to: string;
  bucket: ActivityBucket;
  kAnonymity: number;
  rule: ClassificationRule;
  totals: Record<TieKind, TieKindFigures> & { events: Suppressible; members: Suppressible; ties: Suppressible };
  series: DashboardBucket[];
  groups: GroupFigures[];
  eiOverall: Suppressible;
  /** Share of distinct ties between different language communities. */
  crossLanguageShare: Suppressible;
  /** Distinct pairs whose first interaction ever falls in the period, by tie kind. */
  newTies: Record<TieKind, Suppressible>;
}

export interface NetworkNode {
  id: string;
  /** Pseudonym of a member, or the group id in the group view. */
  label: string;
  group: StakeholderGroup;
  tier: PowerTier;
  language: LanguageCommunity | null;
  /** Weighted degree. */
  strength: number;
  /** In the group view: how many members the node stands for. */
  members?: number;
}

export interface NetworkEdge {
  source: string;
  target: string;
  kind: TieKind;
  weight: number;
  interactions: number;
}

/**
 * The network view draws at most this many ties, the strongest: a lab where almost everyone has met everyone has
 * thousands, which drawn at once are a hairball that takes seconds to draw without a graphics card. The API sends
 * only those (a tenth of the bytes for a crowded lab); every tie still counts in the figures and is in the exports.
 */
export const MAX_DRAWN_EDGES = 600;

export interface Network {
  /** `members`: facilitators see members by pseudonym; `groups`: observers see groups with at least k members. */
  view: 'members' | 'groups';
  nodes: NetworkNode[];
  /** The ties between the nodes; at most MAX_DRAWN_EDGES, the strongest, when `edgesTotal` is larger. */
  edges: NetworkEdge[];
  /** How many ties the period has in all. */
  edgesTotal: number;
  /** Nodes (or groups) left out because they describe fewer than k members. */
  suppressed: number;
}

export type { LifeDomain };
