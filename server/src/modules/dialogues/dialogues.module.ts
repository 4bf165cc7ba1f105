import { Module } from '@nestjs/common';

/** Moderated dialogues (issue 6, ADR 0008). */
@Module({})
export class DialoguesModule {}
