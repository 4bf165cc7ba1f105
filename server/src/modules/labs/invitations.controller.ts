import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  acceptInvitationRequestSchema, createInvitationRequestSchema, joinRequestSchema,
  type CreatedInvitation, type Invitation, type InvitationPreview, type SessionResponse,
} from '@relab/shared';
import { z } from 'zod';
import { LabRoles, Membership, Public } from '../../common/auth/decorators.js';
import type { RelabRequest } from '../../common/auth/auth.types.js';
import { ApiZodBody, UuidPipe, ZodPipe } from '../../common/validation/zod.pipe.js';
import { RateLimitService } from '../identity/rate-limit.service.js';
import { SessionResponder } from '../identity/session-responder.js';
import { SessionsService } from '../identity/sessions.service.js';
import { InvitationsService } from './invitations.service.js';
import { LabMember } from './lab-member.entity.js';

const previewQuerySchema = z
  .strictObject({ code: z.string().trim().min(4).max(64).optional(), token: z.string().trim().min(16).max(128).optional() })
  .refine((q) => (q.code === undefined) !== (q.token === undefined), { message: 'Give either code or token' });

@ApiTags('invitations')
@Controller('api')
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly limits: RateLimitService,
    private readonly sessions: SessionsService,
    private readonly responder: SessionResponder,
  ) {}

  @Get('labs/:labId/invitations')
  @LabRoles('facilitator')
  list(@Param('labId') labId: string): Promise<Invitation[]> {
    return this.invitations.list(labId);
  }

  @Post('labs/:labId/invitations')
  @LabRoles('facilitator')
  @ApiZodBody(createInvitationRequestSchema)
  create(@Membership() me: LabMember, @Body(new ZodPipe(createInvitationRequestSchema)) body: z.output<typeof createInvitationRequestSchema>): Promise<CreatedInvitation> {
    return this.invitations.create(me, body);
  }

  @Delete('labs/:labId/invitations/:invitationId')
  @LabRoles('facilitator')
  @HttpCode(204)
  revoke(@Membership() me: LabMember, @Param('invitationId', UuidPipe) invitationId: string): Promise<void> {
    return this.invitations.revoke(me, invitationId);
  }

  /** What an invitation is for (lab name, role), before the invitee commits to anything. */
  @Public()
  @Get('invitations/preview')
  async preview(@Query(new ZodPipe(previewQuerySchema)) q: z.output<typeof previewQuerySchema>, @Req() req: RelabRequest): Promise<InvitationPreview> {
    await this.limits.codeAttempt(req.ip ?? 'unknown');
    return q.code ? this.invitations.preview('participant', q.code) : this.invitations.preview('professional', q.token!);
  }

  @Public()
  @Post('auth/join')
  @HttpCode(200)
  @ApiZodBody(joinRequestSchema)
  async join(
    @Body(new ZodPipe(joinRequestSchema)) body: z.output<typeof joinRequestSchema>,
    @Req() req: RelabRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionResponse> {
    await this.limits.codeAttempt(req.ip ?? 'unknown');
    const redeemed = await this.invitations.join(body, req.auth?.user);
    const where = { labId: redeemed.labId, dialogueId: redeemed.dialogueId };
    if (req.auth) return this.responder.describe(res, redeemed.user, req.auth.session, where);
    const { token, session } = await this.sessions.open(redeemed.user);
    return this.responder.send(res, { user: redeemed.user, token, session, recoveryCode: redeemed.recoveryCode }, where);
  }

  @Public()
  @Post('auth/accept-invitation')
  @HttpCode(200)
  @ApiZodBody(acceptInvitationRequestSchema)
  async accept(
    @Body(new ZodPipe(acceptInvitationRequestSchema)) body: z.output<typeof acceptInvitationRequestSchema>,
    @Req() req: RelabRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionResponse> {
    await this.limits.codeAttempt(req.ip ?? 'unknown');
    const redeemed = await this.invitations.accept(body, req.auth?.user);
    const where = { labId: redeemed.labId, dialogueId: redeemed.dialogueId };
    if (req.auth) return this.responder.describe(res, redeemed.user, req.auth.session, where);
    const { token, session } = await this.sessions.open(redeemed.user);
    return this.responder.send(res, { user: redeemed.user, token, session }, where);
  }
}
