import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import {
  createSessionSchema,
  reportQuerySchema,
  sessionConsentSchema,
  sessionsQuerySchema,
  updateSessionSchema,
  type SessionDetail,
  type SessionReport,
  type SessionSummary,
} from '@relab/shared';
import { Auth, LabRoles, Membership } from '../../common/auth/decorators.js';
import type { AuthContext } from '../../common/auth/auth.types.js';
import { AppError } from '../../common/errors/app-error.js';
import { ApiZodBody, UuidPipe, ZodPipe } from '../../common/validation/zod.pipe.js';
import { LabMember } from '../labs/lab-member.entity.js';
import { CalendarService, type CalendarFile } from './calendar.service.js';
import { ReportService } from './report.service.js';
import { SessionsService } from './sessions.service.js';

/** Planning, calendars, consent and reports. Every member sees the lab's sessions; facilitators plan them. */
@ApiTags('sessions')
@Controller('api/labs/:labId/sessions')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly calendar: CalendarService,
    private readonly reports: ReportService,
  ) {}

  @Get()
  @LabRoles()
  list(@Param('labId') labId: string, @Query(new ZodPipe(sessionsQuerySchema)) q: z.output<typeof sessionsQuerySchema>): Promise<SessionSummary[]> {
    return this.sessions.list(labId, q.when);
  }

  // before `:id`, which would take `calendar.ics` for a (malformed) id
  @Get('calendar.ics')
  @LabRoles()
  async labCalendar(@Param('labId') labId: string, @Auth() auth: AuthContext, @Res() res: Response): Promise<void> {
    sendCalendar(res, await this.calendar.forLab(labId, auth.user.language));
  }

  @Post()
  @LabRoles('facilitator')
  @ApiZodBody(createSessionSchema)
  create(@Param('labId') labId: string, @Membership() me: LabMember, @Body(new ZodPipe(createSessionSchema)) body: z.output<typeof createSessionSchema>): Promise<SessionSummary[]> {
    return this.sessions.create(labId, me, body);
  }

  @Get(':id')
  @LabRoles()
  get(@Param('labId') labId: string, @Param('id', UuidPipe) id: string, @Membership() me: LabMember): Promise<SessionDetail> {
    return this.sessions.detail(labId, id, me);
  }

  @Patch(':id')
  @LabRoles('facilitator')
  @ApiZodBody(updateSessionSchema)
  update(
    @Param('labId') labId: string,
    @Param('id', UuidPipe) id: string,
    @Membership() me: LabMember,
    @Body(new ZodPipe(updateSessionSchema)) body: z.output<typeof updateSessionSchema>,
  ): Promise<SessionDetail> {
    return this.sessions.update(labId, id, me, body);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @LabRoles('facilitator')
  cancel(@Param('labId') labId: string, @Param('id', UuidPipe) id: string, @Membership() me: LabMember): Promise<SessionDetail> {
    return this.sessions.cancel(labId, id, me);
  }

  @Get(':id/calendar.ics')
  @LabRoles()
  async sessionCalendar(@Param('labId') labId: string, @Param('id', UuidPipe) id: string, @Auth() auth: AuthContext, @Res() res: Response): Promise<void> {
    const file = await this.calendar.forSession(labId, id, auth.user.language);
    if (!file) throw new AppError('SESSION_NOT_FOUND', 'No such session');
    sendCalendar(res, file);
  }

  /** Accepts the lab's current ground rules, in the member's own language. */
  @Post(':id/consent')
  @HttpCode(200)
  @LabRoles()
  @ApiZodBody(sessionConsentSchema)
  consent(
    @Param('labId') labId: string,
    @Param('id', UuidPipe) id: string,
    @Membership() me: LabMember,
    @Auth() auth: AuthContext,
    @Body(new ZodPipe(sessionConsentSchema)) body: z.output<typeof sessionConsentSchema>,
  ): Promise<SessionDetail> {
    return this.sessions.consent(labId, id, me, body.version, auth.user.language);
  }

  @Get(':id/report')
  @LabRoles()
  report(@Param('labId') labId: string, @Param('id', UuidPipe) id: string): Promise<SessionReport> {
    return this.reports.report(labId, id);
  }

  @Get(':id/report.md')
  @LabRoles()
  async markdown(
    @Param('labId') labId: string,
    @Param('id', UuidPipe) id: string,
    @Membership() me: LabMember,
    @Auth() auth: AuthContext,
    @Query(new ZodPipe(reportQuerySchema)) q: z.output<typeof reportQuerySchema>,
    @Res() res: Response,
  ): Promise<void> {
    sendFile(res, await this.reports.export(labId, id, me, q.language ?? auth.user.language, 'md'));
  }

  @Get(':id/report.pdf')
  @LabRoles()
  async pdf(
    @Param('labId') labId: string,
    @Param('id', UuidPipe) id: string,
    @Membership() me: LabMember,
    @Auth() auth: AuthContext,
    @Query(new ZodPipe(reportQuerySchema)) q: z.output<typeof reportQuerySchema>,
    @Res() res: Response,
  ): Promise<void> {
    sendFile(res, await this.reports.export(labId, id, me, q.language ?? auth.user.language, 'pdf'));
  }
}

function sendCalendar(res: Response, file: CalendarFile): void {
  sendFile(res, { body: Buffer.from(file.body, 'utf8'), type: 'text/calendar; charset=utf-8', filename: file.filename });
}

function sendFile(res: Response, file: { body: Buffer; type: string; filename: string }): void {
  res.setHeader('Content-Type', file.type);
  res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.send(file.body);
}
