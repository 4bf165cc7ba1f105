import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../identity/identity.module.js';
import { Invitation } from './invitation.entity.js';
import { InvitationsController } from './invitations.controller.js';
import { InvitationHooks } from './invitation-hooks.js';
import { InvitationsService } from './invitations.service.js';
import { LabAccessGuard } from './lab-access.guard.js';
import { Lab } from './lab.entity.js';
import { LabMember } from './lab-member.entity.js';
import { LabsController } from './labs.controller.js';
import { LabsService } from './labs.service.js';
import { MembersController } from './members.controller.js';
import { MembersService } from './members.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Lab, LabMember, Invitation]), IdentityModule],
  controllers: [LabsController, MembersController, InvitationsController],
  providers: [LabsService, MembersService, InvitationsService, InvitationHooks, LabAccessGuard],
  exports: [LabsService, InvitationsService, InvitationHooks, LabAccessGuard, TypeOrmModule],
})
export class LabsModule {}
