import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { WatchedWord } from '@relab/shared';

/** A lab's watched-word list, replaced as a whole by its facilitators. */
@Entity({ name: 'lab_watched_words' })
export class LabWatchedWords {
  @PrimaryColumn('uuid') labId: string;
  @Column('jsonb') words: WatchedWord[];
  @Column('uuid', { nullable: true }) updatedBy: string | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
