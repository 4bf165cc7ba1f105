import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { groundRulesSchema, type GroundRules } from '@relab/shared';
import { LabRoles, Membership } from '../../common/auth/decorators.js';
import { ApiZodBody, ZodPipe } from '../../common/validation/zod.pipe.js';
import { LabMember } from '../labs/lab-member.entity.js';
import { GroundRulesService } from './ground-rules.service.js';

@ApiTags('sessions')
@Controller('api/labs/:labId/ground-rules')
export class GroundRulesController {
  constructor(private readonly rules: GroundRulesService) {}

  @Get()
  @LabRoles()
  get(@Param('labId') labId: string): Promise<GroundRules> {
    return this.rules.current(labId);
  }

  /** New texts are a new version: everyone is asked to accept them again. */
  @Put()
  @LabRoles('facilitator')
  @ApiZodBody(groundRulesSchema)
  put(@Param('labId') labId: string, @Membership() me: LabMember, @Body(new ZodPipe(groundRulesSchema)) body: z.output<typeof groundRulesSchema>): Promise<GroundRules> {
    return this.rules.update(labId, me, body.texts);
  }
}
