import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from './config/config.js';
import { AuthGuard } from './common/auth/auth.guard.js';
import { CommonModule } from './common/common.module.js';
import { databaseOptions } from './common/db/database.options.js';
import { HttpExceptionFilter } from './common/errors/http-exception.filter.js';
import { CollabModule } from './collab/collab.module.js';
import { MetricsModule } from './common/metrics/metrics.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { DemoModule } from './modules/demo/demo.module.js';
import { HealthController } from './modules/health/health.controller.js';
import { IdentityModule } from './modules/identity/identity.module.js';
import { LabAccessGuard } from './modules/labs/lab-access.guard.js';
import { LabsModule } from './modules/labs/labs.module.js';
import { NotebookModule } from './modules/notebook/notebook.module.js';
import { ReflectionsModule } from './modules/reflections/reflections.module.js';
import { BoardsModule } from './modules/boards/boards.module.js';
import { LiveModule } from './live/live.module.js';
import { DialoguesModule } from './modules/dialogues/dialogues.module.js';
import { SessionsModule } from './modules/sessions/sessions.module.js';
import { ActivityModule } from './modules/activity/activity.module.js';

export interface DatabaseTarget {
  url: string;
  embedded: boolean;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, db: DatabaseTarget): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CommonModule.forRoot(config),
        EventEmitterModule.forRoot(),
        TypeOrmModule.forRoot(databaseOptions(db.url, db.embedded)),
        MetricsModule,
        AuditModule,
        IdentityModule,
        LabsModule,
        CollabModule,
        NotebookModule,
        ReflectionsModule,
        BoardsModule,
        LiveModule,
        DialoguesModule,
        SessionsModule,
        ActivityModule,
        DemoModule,
      ],
      controllers: [HealthController],
      providers: [
        // order matters: who you are, then what you may do in this lab
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: LabAccessGuard },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
      ],
    };
  }
}
