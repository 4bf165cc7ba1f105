import { Module } from '@nestjs/common';

/** Lab sessions and the live session room (issue 6, ADR 0009). */
@Module({})
export class SessionsModule {}
