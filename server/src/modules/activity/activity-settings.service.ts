import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  DEFAULT_INTERACTION_WEIGHTS,
  DEFAULT_K_ANONYMITY,
  INTERACTION_KINDS,
  STAKEHOLDER_KEYS,
  defaultStakeholderMapping,
  stakeholderMapping,
  type ActivitySettings,
  type ActivitySettingsUpdate,
  type InteractionKind,
  type StakeholderMapping,
} from '@relab/shared';
import { DomainEventBus } from '../../common/events/domain-events.js';

interface Row {
  weights: Partial<Record<InteractionKind, number>>;
  k_anonymity: number;
  bonding_requires_same_language: boolean;
  mapping: Partial<StakeholderMapping>;
}

/** A lab's activity settings: weights per kind, k, the language rule and the sector mapping (defaults in shared). */
@Injectable()
export class ActivitySettingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: DomainEventBus,
  ) {}

  async get(labId: string): Promise<ActivitySettings> {
    const rows: Row[] = await this.db.query(`SELECT weights, k_anonymity, bonding_requires_same_language, mapping FROM activity_settings WHERE lab_id = $1`, [labId]);
    return toSettings(rows[0]);
  }

  async update(labId: string, actorId: string, body: ActivitySettingsUpdate): Promise<ActivitySettings> {
    const current = (await this.db.query(`SELECT weights, k_anonymity, bonding_requires_same_language, mapping FROM activity_settings WHERE lab_id = $1`, [labId]))[0] as Row | undefined;
    const weights = { ...(current?.weights ?? {}), ...(body.weights ?? {}) };
    const mapping: Partial<StakeholderMapping> = { ...(current?.mapping ?? {}) };
    const defaults = defaultStakeholderMapping();
    for (const [key, value] of Object.entries(body.mapping ?? {}) as Array<[keyof StakeholderMapping, StakeholderMapping[keyof StakeholderMapping] | null]>) {
      if (value === null || (value.group === defaults[key].group && value.tier === defaults[key].tier)) delete mapping[key];
      else mapping[key] = value;
    }
    await this.db.query(
      `INSERT INTO activity_settings (lab_id, weights, k_anonymity, bonding_requires_same_language, mapping, updated_at)
       VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (lab_id) DO UPDATE SET weights = $2, k_anonymity = $3, bonding_requires_same_language = $4, mapping = $5, updated_at = now()`,
      [labId, JSON.stringify(weights), body.kAnonymity ?? current?.k_anonymity ?? DEFAULT_K_ANONYMITY, body.bondingRequiresSameLanguage ?? current?.bonding_requires_same_language ?? false, JSON.stringify(mapping)],
    );
    await this.events.emit('lab.activity_settings_updated', { actorId, labId });
    return this.get(labId);
  }
}

function toSettings(row: Row | undefined): ActivitySettings {
  const weights = { ...DEFAULT_INTERACTION_WEIGHTS };
  for (const kind of INTERACTION_KINDS) {
    const w = row?.weights?.[kind];
    if (typeof w === 'number') weights[kind] = w;
  }
  const overrides: Partial<StakeholderMapping> = {};
  for (const key of STAKEHOLDER_KEYS) if (row?.mapping?.[key]) overrides[key] = row.mapping[key];
  return {
    weights,
    kAnonymity: row?.k_anonymity ?? DEFAULT_K_ANONYMITY,
    bondingRequiresSameLanguage: row?.bonding_requires_same_language ?? false,
    mapping: stakeholderMapping(overrides),
    overridden: Object.keys(overrides),
  };
}
