import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DEFAULT_GROUND_RULES, LANGUAGES, type GroundRules, type Language } from '@relab/shared';
import { AppError } from '../../common/errors/app-error.js';
import { DomainEventBus } from '../../common/events/domain-events.js';
import { Lab } from '../labs/lab.entity.js';
import type { LabMember } from '../labs/lab-member.entity.js';
import { GroundRulesConsent, GroundRulesRow } from './session.entity.js';

/** One lock per lab around a change of its ground rules, so two facilitators cannot both write version N+1. */
const RULES_LOCK = `SELECT pg_advisory_xact_lock(hashtext('ground-rules:' || $1))`;

export const textHash = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * A lab's ground rules, versioned (version 1 is DEFAULT_GROUND_RULES, Chatham House), and members' consent to
 * them: per member and version, with the time and a hash of the text they were shown in their language.
 */
@Injectable()
export class GroundRulesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: DomainEventBus,
  ) {}

  async current(labId: string, m: EntityManager = this.db.manager): Promise<GroundRules> {
    const row = await m.getRepository(GroundRulesRow).findOne({ where: { labId }, order: { version: 'DESC' } });
    if (row) return { version: row.version, texts: pickTexts(row.texts), updatedAt: row.createdAt.toISOString() };
    const lab = await m.getRepository(Lab).findOneBy({ id: labId });
    if (!lab) throw new AppError('LAB_NOT_FOUND', 'No such lab');
    return { version: 1, texts: { ...DEFAULT_GROUND_RULES }, updatedAt: lab.createdAt.toISOString() };
  }

  async currentVersion(labId: string): Promise<number> {
    const rows: Array<{ v: number | null }> = await this.db.query(`SELECT max(version) AS v FROM lab_ground_rules WHERE lab_id = $1`, [labId]);
    return rows[0]?.v ?? 1;
  }

  /** A new version, unless the texts are the same as the current ones (then nothing changes). */
  async update(labId: string, member: LabMember, texts: Record<Language, string>): Promise<GroundRules> {
    const result = await this.db.transaction(async (m) => {
      await m.query(RULES_LOCK, [labId]);
      const now = await this.current(labId, m);
      if (LANGUAGES.every((l) => now.texts[l] === texts[l])) return { rules: now, changed: false };
      const version = now.version + 1;
      await m.getRepository(GroundRulesRow).insert({ labId, version, texts: pickTexts(texts), updatedBy: member.userId });
      return { rules: await this.current(labId, m), changed: true };
    });
    if (result.changed) await this.events.emit('lab.ground_rules_updated', { actorId: member.userId, labId, version: result.rules.version });
    return result.rules;
  }

  /** The latest version this member accepted (null: never). */
  async consentedVersion(memberId: string): Promise<number | null> {
    const rows: Array<{ v: number | null }> = await this.db.query(`SELECT max(version) AS v FROM lab_ground_rule_consents WHERE member_id = $1`, [memberId]);
    return rows[0]?.v ?? null;
  }

  /** Whether the member accepted the lab's current version; the current version either way. */
  async consentState(labId: string, memberId: string): Promise<{ current: number; ok: boolean }> {
    const rows: Array<{ current: number; ok: boolean }> = await this.db.query(
      `SELECT v.current, EXISTS (SELECT 1 FROM lab_ground_rule_consents c WHERE c.member_id = $2 AND c.version = v.current) AS ok
       FROM (SELECT coalesce(max(version), 1) AS current FROM lab_ground_rules WHERE lab_id = $1) v`,
      [labId, memberId],
    );
    return { current: Number(rows[0]!.current), ok: rows[0]!.ok };
  }

  /** 428 CONSENT_REQUIRED (details.version) unless the member accepted the current ground rules. */
  async requireConsent(labId: string, memberId: string): Promise<void> {
    const state = await this.consentState(labId, memberId);
    if (!state.ok) throw new AppError('CONSENT_REQUIRED', 'Accept the ground rules of this lab first', { version: state.current });
  }

  /**
   * Records the member's consent to `version`, which must be the current one (else 409 GROUND_RULES_OUTDATED with
   * the current version). Accepting again is harmless.
   */
  async consent(labId: string, member: LabMember, version: number, language: Language, sessionId: string): Promise<void> {
    const rules = await this.current(labId);
    if (version !== rules.version) throw new AppError('GROUND_RULES_OUTDATED', 'These are not the current ground rules', { version: rules.version });
    const inserted = await this.db
      .createQueryBuilder()
      .insert()
      .into(GroundRulesConsent)
      .values({ memberId: member.id, labId, version, language, textHash: textHash(rules.texts[language]), consentedAt: new Date() })
      .orIgnore()
      .returning(['memberId'])
      .execute();
    if (inserted.raw.length > 0) {
      await this.events.emit('session.consented', { actorId: member.userId, labId, sessionId, memberId: member.id, version });
    }
  }
}

/** Only the three languages, whatever else a stored object might hold. */
function pickTexts(texts: Record<Language, string>): Record<Language, string> {
  return { nl: texts.nl, fr: texts.fr, en: texts.en };
}
