import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { liveHandSchema, liveItemSchema, liveTimerSchema, type LiveState, type SessionReport } from '@relab/shared';
import { LabRoles, Membership } from '../../common/auth/decorators.js';
import { ApiZodBody, UuidPipe, ZodPipe } from '../../common/validation/zod.pipe.js';
import { LabMember } from '../labs/lab-member.entity.js';
import { LiveRoomService } from './live-room.service.js';

/** Observers follow the room but do not raise hands. */
const HAND_RAISERS = ['facilitator', 'practitioner', 'family', 'returnee'] as const;

/** The live session room: facilitators run it; members raise their hand. Each answer is the complete live state. */
@ApiTags('sessions')
@Controller('api/labs/:labId/sessions/:id/live')
export class LiveRoomController {
  constructor(private readonly room: LiveRoomService) {}

  @Post('start')
  @HttpCode(200)
  @LabRoles('facilitator')
  start(@Param('labId') labId: string, @Param('id', UuidPipe) id: string, @Membership() me: LabMember): Promise<LiveState> {
    return this.room.start(labId, id, me);
  }

  @Post('item')
  @HttpCode(200)
  @LabRoles('facilitator')
  @ApiZodBody(liveItemSchema)
  item(@Param('labId') labId: string, @Param('id', UuidPipe) id: string, @Membership() me: LabMember, @Body(new ZodPipe(liveItemSchema)) body: z.output<typeof liveItemSchema>): Promise<LiveState> {
    return this.room.setItem(labId, id, me, body.itemId);
  }

  @Post('timer')
  @HttpCode(200)
  @LabRoles('facilitator')
  @ApiZodBody(liveTimerSchema)
  timer(@Param('labId') labId: string, @Param('id', UuidPipe) id: string, @Membership() me: LabMember, @Body(new ZodPipe(liveTimerSchema)) body: z.output<typeof liveTimerSchema>): Promise<LiveState> {
    return this.room.timer(labId, id, me, body.action, body.seconds);
  }

  @Post('bring')
  @HttpCode(204)
  @LabRoles('facilitator')
  @ApiZodBody(liveItemSchema)
  bring(@Param('labId') labId: string, @Param('id', UuidPipe) id: string, @Membership() me: LabMember, @Body(new ZodPipe(liveItemSchema)) body: z.output<typeof liveItemSchema>): Promise<void> {
    return this.room.bring(labId, id, me, body.itemId);
  }

  @Post('hand')
  @HttpCode(200)
  @LabRoles(...HAND_RAISERS)
  @ApiZodBody(liveHandSchema)
  hand(@Param('labId') labId: string, @Param('id', UuidPipe) id: string, @Membership() me: LabMember, @Body(new ZodPipe(liveHandSchema)) body: z.output<typeof liveHandSchema>): Promise<LiveState> {
    return this.room.hand(labId, id, me, body.raised);
  }

  @Post('hands/:memberId/lower')
  @HttpCode(200)
  @LabRoles('facilitator')
  lower(@Param('labId') labId: string, @Param('id', UuidPipe) id: string, @Param('memberId', UuidPipe) memberId: string, @Membership() me: LabMember): Promise<LiveState> {
    return this.room.lowerHand(labId, id, me, memberId);
  }

  @Post('end')
  @HttpCode(200)
  @LabRoles('facilitator')
  end(@Param('labId') labId: string, @Param('id', UuidPipe) id: string, @Membership() me: LabMember): Promise<SessionReport> {
    return this.room.end(labId, id, me);
  }
}
