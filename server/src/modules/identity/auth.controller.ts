import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { loginRequestSchema, recoverRequestSchema, type SessionResponse } from '@relab/shared';
import { z } from 'zod';
import { Auth, Public } from '../../common/auth/decorators.js';
import type { AuthContext, RelabRequest } from '../../common/auth/auth.types.js';
import { ApiZodBody, ZodPipe } from '../../common/validation/zod.pipe.js';
import { AuthService } from './auth.service.js';
import { SessionResponder } from './session-responder.js';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly responder: SessionResponder,
  ) {}

  /** Who is logged in, with the CSRF token for this session. */
  @Get('session')
  session(@Auth() ctx: AuthContext, @Res({ passthrough: true }) res: Response): SessionResponse {
    return this.responder.describe(res, ctx.user, ctx.session);
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiZodBody(loginRequestSchema)
  async login(
    @Body(new ZodPipe(loginRequestSchema)) body: z.output<typeof loginRequestSchema>,
    @Req() req: RelabRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionResponse> {
    const opened = await this.auth.login(body, req.ip ?? 'unknown', this.responder.cookie.read(req));
    return this.responder.send(res, opened);
  }

  @Public()
  @Post('recover')
  @HttpCode(200)
  @ApiZodBody(recoverRequestSchema)
  async recover(
    @Body(new ZodPipe(recoverRequestSchema)) body: z.output<typeof recoverRequestSchema>,
    @Req() req: RelabRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionResponse> {
    const opened = await this.auth.recover(body.recoveryCode, req.ip ?? 'unknown', this.responder.cookie.read(req));
    return this.responder.send(res, opened);
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@Auth() ctx: AuthContext, @Req() req: RelabRequest, @Res({ passthrough: true }) res: Response): Promise<void> {
    const token = this.responder.cookie.read(req);
    if (token) await this.auth.logout(ctx.user.id, token);
    this.responder.cookie.clear(res);
  }
}
