import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createLabRequestSchema, updateLabRequestSchema, type Lab } from '@relab/shared';
import { z } from 'zod';
import { Auth, LabRoles, Membership } from '../../common/auth/decorators.js';
import type { AuthContext } from '../../common/auth/auth.types.js';
import { ApiZodBody, ZodPipe } from '../../common/validation/zod.pipe.js';
import { LabMember } from './lab-member.entity.js';
import { LabsService } from './labs.service.js';

@ApiTags('labs')
@Controller('api/labs')
export class LabsController {
  constructor(private readonly labs: LabsService) {}

  @Get()
  list(@Auth() ctx: AuthContext): Promise<Lab[]> {
    return this.labs.listFor(ctx.user.id);
  }

  @Post()
  @ApiZodBody(createLabRequestSchema)
  create(@Auth() ctx: AuthContext, @Body(new ZodPipe(createLabRequestSchema)) body: z.output<typeof createLabRequestSchema>): Promise<Lab> {
    return this.labs.create(ctx.user, body);
  }

  @Get(':labId')
  @LabRoles()
  get(@Param('labId') labId: string, @Membership() me: LabMember): Promise<Lab> {
    return this.labs.get(labId, me.role);
  }

  @Patch(':labId')
  @LabRoles('facilitator')
  @ApiZodBody(updateLabRequestSchema)
  update(@Param('labId') labId: string, @Membership() me: LabMember, @Body(new ZodPipe(updateLabRequestSchema)) body: z.output<typeof updateLabRequestSchema>): Promise<Lab> {
    return this.labs.update(me.userId, labId, body);
  }
}
