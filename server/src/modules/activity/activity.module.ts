import { Module } from '@nestjs/common';
import { LabsModule } from '../labs/labs.module.js';
import { ActivityController } from './activity.controller.js';
import { ActivityExportService } from './activity-export.service.js';
import { ActivityListener } from './activity.listener.js';
import { ActivitySettingsService } from './activity-settings.service.js';
import { AnalyticsService } from './analytics.service.js';
import { ActivityErasureService } from './erasure.service.js';
import { InteractionRecorder } from './interaction-recorder.service.js';

/**
 * Bonding, bridging and linking (issue 7, ADR 0010): listens to typed domain events (no feature imports it),
 * records interaction events with member snapshots, and serves the analytics, the network and the exports.
 */
@Module({
  imports: [LabsModule],
  controllers: [ActivityController],
  providers: [ActivitySettingsService, InteractionRecorder, ActivityListener, AnalyticsService, ActivityExportService, ActivityErasureService],
})
export class ActivityModule {}
