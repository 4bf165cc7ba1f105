import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import {
  addParticipantsSchema,
  consentSchema,
  createDialogueSchema,
  messagesQuerySchema,
  moderateSchema,
  reactionSchema,
  sendMessageSchema,
  updateDialogueSchema,
  type DialogueDetail,
  type DialogueMessage,
  type DialogueSummary,
  type EraseResult,
  type MessagesPage,
  type ModerationQueue,
  type Reaction,
} from '@relab/shared';
import { LabRoles, Membership } from '../../common/auth/decorators.js';
import { ApiZodBody, UuidPipe, ZodPipe } from '../../common/validation/zod.pipe.js';
import { LabMember } from '../labs/lab-member.entity.js';
import { DialogueAccess } from './dialogue-access.js';
import { DialoguesService } from './dialogues.service.js';
import { ErasureService } from './erasure.service.js';
import { MessagesService } from './messages.service.js';
import { ModerationService } from './moderation.service.js';

/** Moderators are facilitators or named practitioners: the guard stops other roles, the service checks the dialogue. */
const MODERATOR_ROLES = ['facilitator', 'practitioner'] as const;

/** Moderated dialogues (ADR 0008). Any member reaches the routes; who is in a dialogue is decided per dialogue. */
@ApiTags('dialogues')
@Controller('api/labs/:labId/dialogues')
export class DialoguesController {
  constructor(
    private readonly access: DialogueAccess,
    private readonly dialogues: DialoguesService,
    private readonly messages: MessagesService,
    private readonly moderation: ModerationService,
    private readonly erasure: ErasureService,
  ) {}

  @Get()
  @LabRoles()
  list(@Param('labId') labId: string, @Membership() me: LabMember): Promise<DialogueSummary[]> {
    return this.dialogues.list(labId, me);
  }

  @Post()
  @LabRoles('facilitator')
  @ApiZodBody(createDialogueSchema)
  create(@Param('labId') labId: string, @Membership() me: LabMember, @Body(new ZodPipe(createDialogueSchema)) body: z.output<typeof createDialogueSchema>): Promise<DialogueDetail> {
    return this.dialogues.create(labId, me, body);
  }

  @Get(':id')
  @LabRoles()
  async get(@Param('labId') labId: string, @Param('id', UuidPipe) id: string, @Membership() me: LabMember): Promise<DialogueDetail> {
    return this.dialogues.detail(await this.access.seat(labId, id, me));
  }

  @Patch(':id')
  @LabRoles(...MODERATOR_ROLES)
  @ApiZodBody(updateDialogueSchema)
  update(@Param('labId') labId: string, @Param('id', UuidPipe) id: string, @Membership() me: LabMember, @Body(new ZodPipe(updateDialogueSchema)) body: z.output<typeof updateDialogueSchema>): Promise<DialogueDetail> {
    return this.dialogues.update(labId, id, me, body);
  }

  @Post(':id/participants')
  @LabRoles('facilitator')
  @HttpCode(200)
  @ApiZodBody(addParticipantsSchema)
  addParticipants(@Param('labId') labId: string, @Param('id', UuidPipe) id: string, @Membership() me: LabMember, @Body(new ZodPipe(addParticipantsSchema)) body: z.output<typeof addParticipantsSchema>): Promise<DialogueDetail> {
    return this.dialogues.addParticipants(labId, id, me, body.memberIds, body.moderator);
  }

  @Delete(':id/participants/:memberId')
  @LabRoles()
  @HttpCode(204)
  removeParticipant(@Param('labId') labId: string, @Param('id', UuidPipe) id: string, @Param('memberId', UuidPipe) memberId: string, @Membership() me: LabMember): Promise<void> {
    return this.dialogues.removeParticipant(labId, id, me, memberId);
  }

  @Post(':id/consent')
  @LabRoles()
  @HttpCode(200)
  @ApiZodBody(consentSchema)
  consent(@Param('labId') labId: string, @Param('id', UuidPipe) id: string, @Membership() me: LabMember, @Body(new ZodPipe(consentSchema)) body: z.output<typeof consentSchema>): Promise<DialogueDetail> {
    return this.dialogues.consent(labId, id, me, body.version);
  }

  @Get(':id/messages')
  @LabRoles()
  page(@Param('labId') labId: string, @Param('id', UuidPipe) id: string, @Membership() me: LabMember, @Query(new ZodPipe(messagesQuerySchema)) q: z.output<typeof messagesQuerySchema>): Promise<MessagesPage> {
    return this.messages.page(labId, id, me, q.since);
  }

  /** 201 when stored now, 200 when this client id was already stored (a retry). */
  @Post(':id/messages')
  @LabRoles()
  @ApiZodBody(sendMessageSchema)
  async send(
    @Param('labId') labId: string,
    @Param('id', UuidPipe) id: string,
    @Membership() me: LabMember,
    @Body(new ZodPipe(sendMessageSchema)) body: z.output<typeof sendMessageSchema>,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DialogueMessage> {
    const { created, message } = await this.messages.send(labId, id, me, body);
    res.status(created ? 201 : 200);
    return message;
  }

  @Post(':id/messages/:messageId/moderation')
  @LabRoles(...MODERATOR_ROLES)
  @HttpCode(200)
  @ApiZodBody(moderateSchema)
  moderate(
    @Param('labId') labId: string,
    @Param('id', UuidPipe) id: string,
    @Param('messageId', UuidPipe) messageId: string,
    @Membership() me: LabMember,
    @Body(new ZodPipe(moderateSchema)) body: z.output<typeof moderateSchema>,
  ): Promise<DialogueMessage> {
    return this.moderation.moderate(labId, id, me, messageId, body.action, body.reason);
  }

  @Put(':id/messages/:messageId/reactions/:reaction')
  @LabRoles()
  react(@Param('labId') labId: string, @Param('id', UuidPipe) id: string, @Param('messageId', UuidPipe) messageId: string, @Param('reaction', new ZodPipe(reactionSchema)) reaction: Reaction, @Membership() me: LabMember): Promise<DialogueMessage> {
    return this.messages.react(labId, id, me, messageId, reaction, true);
  }

  @Delete(':id/messages/:messageId/reactions/:reaction')
  @LabRoles()
  unreact(@Param('labId') labId: string, @Param('id', UuidPipe) id: string, @Param('messageId', UuidPipe) messageId: string, @Param('reaction', new ZodPipe(reactionSchema)) reaction: Reaction, @Membership() me: LabMember): Promise<DialogueMessage> {
    return this.messages.react(labId, id, me, messageId, reaction, false);
  }

  @Post(':id/messages/:messageId/flag')
  @LabRoles()
  @HttpCode(200)
  flag(@Param('labId') labId: string, @Param('id', UuidPipe) id: string, @Param('messageId', UuidPipe) messageId: string, @Membership() me: LabMember): Promise<DialogueMessage> {
    return this.messages.flag(labId, id, me, messageId);
  }

  @Get(':id/moderation')
  @LabRoles(...MODERATOR_ROLES)
  queue(@Param('labId') labId: string, @Param('id', UuidPipe) id: string, @Membership() me: LabMember): Promise<ModerationQueue> {
    return this.moderation.queue(labId, id, me);
  }

  @Post(':id/erase-mine')
  @LabRoles()
  @HttpCode(200)
  eraseMine(@Param('labId') labId: string, @Param('id', UuidPipe) id: string, @Membership() me: LabMember): Promise<EraseResult> {
    return this.erasure.eraseMine(labId, id, me);
  }
}
