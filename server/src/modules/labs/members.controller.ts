import { Body, Controller, Delete, Get, HttpCode, Param, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { updateMemberRequestSchema, type Member } from '@relab/shared';
import { z } from 'zod';
import { LabRoles, Membership } from '../../common/auth/decorators.js';
import { ApiZodBody, UuidPipe, ZodPipe } from '../../common/validation/zod.pipe.js';
import { LabMember } from './lab-member.entity.js';
import { MembersService } from './members.service.js';

@ApiTags('members')
@Controller('api/labs/:labId/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @LabRoles()
  list(@Param('labId') labId: string, @Membership() me: LabMember): Promise<Member[]> {
    return this.members.list(labId, me);
  }

  @Patch(':memberId')
  @LabRoles('facilitator')
  @ApiZodBody(updateMemberRequestSchema)
  update(
    @Membership() me: LabMember,
    @Param('memberId', UuidPipe) memberId: string,
    @Body(new ZodPipe(updateMemberRequestSchema)) body: z.output<typeof updateMemberRequestSchema>,
  ): Promise<Member> {
    return this.members.update(me, memberId, body);
  }

  @Delete(':memberId')
  @LabRoles('facilitator')
  @HttpCode(204)
  remove(@Membership() me: LabMember, @Param('memberId', UuidPipe) memberId: string): Promise<void> {
    return this.members.remove(me, memberId);
  }
}
