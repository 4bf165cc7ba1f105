import { Module } from '@nestjs/common';
import { CollabModule } from '../../collab/collab.module.js';
import { LabsModule } from '../labs/labs.module.js';
import { BoardsController } from './boards.controller.js';
import { BoardsService } from './boards.service.js';
import { VotesService } from './votes.service.js';

/** Shared whiteboards (issue 5, ADR 0007): `board:<id>` on the collaboration core, dot voting in PostgreSQL. */
@Module({
  imports: [CollabModule, LabsModule],
  controllers: [BoardsController],
  providers: [BoardsService, VotesService],
  exports: [BoardsService],
})
export class BoardsModule {}
