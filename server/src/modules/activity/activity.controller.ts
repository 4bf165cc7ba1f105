import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { z } from 'zod';
import {
  activityQuerySchema,
  activitySettingsUpdateSchema,
  erasureSchema,
  MAX_DRAWN_EDGES,
  type ActivitySettings,
  type Broker,
  type Dashboard,
  type Network,
} from '@relab/shared';
import { LabRoles, Membership } from '../../common/auth/decorators.js';
import { DomainEventBus } from '../../common/events/domain-events.js';
import { ApiZodBody, ZodPipe } from '../../common/validation/zod.pipe.js';
import type { LabMember } from '../labs/lab-member.entity.js';
import { ActivityExportService } from './activity-export.service.js';
import { ActivitySettingsService } from './activity-settings.service.js';
import { AnalyticsService, type Period } from './analytics.service.js';
import { ActivityErasureService } from './erasure.service.js';

type Query = z.output<typeof activityQuerySchema>;
const DEFAULT_DAYS = 90;

/**
 * Bonding, bridging and linking (issue 7, ADR 0010). Facilitators see members by pseudonym, the brokers, and export;
 * observers see aggregates only (the dashboard, the network by group). Other roles get 403.
 */
@ApiTags('activity')
@Controller('api/labs/:labId/activity')
export class ActivityController {
  constructor(
    private readonly settings: ActivitySettingsService,
    private readonly analytics: AnalyticsService,
    private readonly exports: ActivityExportService,
    private readonly erasure: ActivityErasureService,
    private readonly events: DomainEventBus,
  ) {}

  @Get('settings')
  @LabRoles('facilitator', 'observer')
  getSettings(@Param('labId') labId: string): Promise<ActivitySettings> {
    return this.settings.get(labId);
  }

  @Put('settings')
  @LabRoles('facilitator')
  @ApiZodBody(activitySettingsUpdateSchema)
  putSettings(@Param('labId') labId: string, @Membership() me: LabMember, @Body(new ZodPipe(activitySettingsUpdateSchema)) body: z.output<typeof activitySettingsUpdateSchema>): Promise<ActivitySettings> {
    return this.settings.update(labId, me.userId, body);
  }

  @Get('dashboard')
  @LabRoles('facilitator', 'observer')
  dashboard(@Param('labId') labId: string, @Query(new ZodPipe(activityQuerySchema)) q: Query): Promise<Dashboard> {
    return this.analytics.dashboard(labId, periodOf(q));
  }

  @Get('network')
  @LabRoles('facilitator', 'observer')
  network(@Param('labId') labId: string, @Membership() me: LabMember, @Query(new ZodPipe(activityQuerySchema)) q: Query): Promise<Network> {
    return this.analytics.network(labId, periodOf(q), me.role === 'facilitator' ? 'members' : 'groups', { maxEdges: MAX_DRAWN_EDGES });
  }

  @Get('brokers')
  @LabRoles('facilitator')
  brokers(@Param('labId') labId: string, @Query(new ZodPipe(activityQuerySchema)) q: Query): Promise<Broker[]> {
    return this.analytics.brokers(labId, periodOf(q));
  }

  @Get('export/events.csv')
  @LabRoles('facilitator')
  async csv(@Param('labId') labId: string, @Membership() me: LabMember, @Query(new ZodPipe(activityQuerySchema)) q: Query, @Res() res: Response): Promise<void> {
    const period = periodOf(q);
    await this.events.emit('activity.exported', { actorId: me.userId, labId, format: 'csv' });
    download(res, 'text/csv; charset=utf-8', `relab-interactions-${period.from}-${period.to}.csv`);
    await this.exports.csv(labId, period, (chunk) => res.write(chunk));
    res.end();
  }

  @Get('export/network.graphml')
  @LabRoles('facilitator')
  async graphml(@Param('labId') labId: string, @Membership() me: LabMember, @Query(new ZodPipe(activityQuerySchema)) q: Query, @Res() res: Response): Promise<void> {
    const period = periodOf(q);
    const body = await this.exports.graphml(labId, period);
    await this.events.emit('activity.exported', { actorId: me.userId, labId, format: 'graphml' });
    download(res, 'application/graphml+xml; charset=utf-8', `relab-network-${period.from}-${period.to}.graphml`);
    res.end(body);
  }

  /** Any member: their own identity leaves the lab's interaction events (the GDPR right to erasure, self-service). */
  @Post('erasures/me')
  @HttpCode(204)
  @LabRoles()
  async eraseMe(@Param('labId') labId: string, @Membership() me: LabMember): Promise<void> {
    await this.erasure.erase(labId, me.id, me.userId);
  }

  @Post('erasures')
  @HttpCode(204)
  @LabRoles('facilitator')
  @ApiZodBody(erasureSchema)
  async erase(@Param('labId') labId: string, @Membership() me: LabMember, @Body(new ZodPipe(erasureSchema)) body: z.output<typeof erasureSchema>): Promise<void> {
    await this.erasure.erase(labId, body.memberId, me.userId);
  }
}

/** Days are UTC; `to` defaults to today and `from` to 90 days before it. */
export function periodOf(q: Query, today = new Date()): Period {
  const to = q.to ?? today.toISOString().slice(0, 10);
  const from = q.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - (DEFAULT_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
  return { from, to, bucket: q.bucket, ...(q.sessionId ? { sessionId: q.sessionId } : {}), ...(q.lifeDomain ? { lifeDomain: q.lifeDomain } : {}) };
}

function download(res: Response, type: string, filename: string): void {
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.setHeader('Cache-Control', 'no-store');
}
