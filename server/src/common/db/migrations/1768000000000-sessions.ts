import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Lab sessions (issue 6): ground rules, sessions with agenda and live state, consents, hands, attendance. */
export class Sessions1768000000000 implements MigrationInterface {
  name = 'Sessions1768000000000';

  async up(_q: QueryRunner): Promise<void> {
    // filled in by the feature
  }

  async down(_q: QueryRunner): Promise<void> {
    // filled in by the feature
  }
}
