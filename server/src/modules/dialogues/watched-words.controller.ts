import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { watchedWordsSchema, type WatchedWord } from '@relab/shared';
import { LabRoles, Membership } from '../../common/auth/decorators.js';
import { ApiZodBody, ZodPipe } from '../../common/validation/zod.pipe.js';
import { LabMember } from '../labs/lab-member.entity.js';
import { WatchedWordsService } from './watched-words.service.js';

/** The lab's watched words (block, hold for review, mask): its facilitators' to read and replace. */
@ApiTags('dialogues')
@Controller('api/labs/:labId/watched-words')
export class WatchedWordsController {
  constructor(private readonly words: WatchedWordsService) {}

  @Get()
  @LabRoles('facilitator')
  list(@Param('labId') labId: string): Promise<WatchedWord[]> {
    return this.words.words(labId);
  }

  @Put()
  @LabRoles('facilitator')
  @ApiZodBody(watchedWordsSchema)
  replace(@Membership() me: LabMember, @Body(new ZodPipe(watchedWordsSchema)) body: z.output<typeof watchedWordsSchema>): Promise<WatchedWord[]> {
    return this.words.replace(me, body.words);
  }
}
