import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Moderated dialogues (issue 6): dialogues, participants, messages, reactions, flags, watched words, consents. */
export class Dialogues1767000000000 implements MigrationInterface {
  name = 'Dialogues1767000000000';

  async up(_q: QueryRunner): Promise<void> {
    // filled in by the feature
  }

  async down(_q: QueryRunner): Promise<void> {
    // filled in by the feature
  }
}
