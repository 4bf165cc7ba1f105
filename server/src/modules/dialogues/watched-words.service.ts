import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DEFAULT_WATCHED_WORDS, WATCHED_ACTIONS, type WatchedWord } from '@relab/shared';
import { DomainEventBus } from '../../common/events/domain-events.js';
import type { LabMember } from '../labs/lab-member.entity.js';
import { LabWatchedWords } from './watched-words.entity.js';

const strength = (a: WatchedWord['action']) => WATCHED_ACTIONS.indexOf(a); // block 0 < hold 1 < mask 2
/** How the matcher sees a word: case, accents and spacing do not make two words different. */
const wordKey = (w: WatchedWord) => `${w.language ?? '*'}|${w.word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ')}`;

/** Each lab's watched words: seeded with the defaults, replaced as a whole by its facilitators. */
@Injectable()
export class WatchedWordsService implements OnModuleInit {
  private readonly logger = new Logger('WatchedWords');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: DomainEventBus,
  ) {}

  onModuleInit(): void {
    this.events.on('lab.created', async (e) => {
      try {
        await this.seed(this.db.manager, e.labId);
      } catch (err) {
        // a lab without its row gets the defaults on first use (words()), so this only logs
        this.logger.error(`seeding watched words failed: ${(err as Error).message}`);
      }
    });
  }

  /** The lab's list; a lab that never had one (created outside the API, e.g. the demo) gets the defaults. */
  async words(labId: string, m: EntityManager = this.db.manager): Promise<WatchedWord[]> {
    const row = await m.findOneBy(LabWatchedWords, { labId });
    if (row) return row.words;
    await this.seed(m, labId);
    return DEFAULT_WATCHED_WORDS;
  }

  /** Replaces the list. The same word (folded) in the same language twice is kept once, first spelling, strongest action. */
  async replace(actor: LabMember, words: WatchedWord[]): Promise<WatchedWord[]> {
    const byKey = new Map<string, WatchedWord>();
    for (const w of words) {
      const key = wordKey(w);
      const had = byKey.get(key);
      if (!had) byKey.set(key, { word: w.word, language: w.language, action: w.action });
      else if (strength(w.action) < strength(had.action)) had.action = w.action;
    }
    const list = [...byKey.values()];
    await this.db.query(
      `INSERT INTO lab_watched_words (lab_id, words, updated_by, updated_at) VALUES ($1, $2::jsonb, $3, now())
       ON CONFLICT (lab_id) DO UPDATE SET words = EXCLUDED.words, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [actor.labId, JSON.stringify(list), actor.userId],
    );
    await this.events.emit('dialogue.watched_words_updated', { actorId: actor.userId, labId: actor.labId });
    return list;
  }

  private async seed(m: EntityManager, labId: string): Promise<void> {
    await m.query(`INSERT INTO lab_watched_words (lab_id, words) SELECT id, $2::jsonb FROM labs WHERE id = $1 ON CONFLICT (lab_id) DO NOTHING`, [
      labId,
      JSON.stringify(DEFAULT_WATCHED_WORDS),
    ]);
  }
}
