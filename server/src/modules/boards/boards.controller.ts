import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { castVoteSchema, createBoardSchema, openVoteRoundSchema, type BoardDetail, type BoardSummary, type MyVotes } from '@relab/shared';
import { LabRoles, Membership } from '../../common/auth/decorators.js';
import { AppError } from '../../common/errors/app-error.js';
import { ApiZodBody, UuidPipe, ZodPipe } from '../../common/validation/zod.pipe.js';
import { LabMember } from '../labs/lab-member.entity.js';
import { BoardsService } from './boards.service.js';
import { VotesService } from './votes.service.js';

/** Everyone who writes on boards votes; observers look. */
const PARTICIPANTS = ['facilitator', 'practitioner', 'family', 'returnee'] as const;

@ApiTags('boards')
@Controller('api/labs/:labId/boards')
export class BoardsController {
  constructor(
    private readonly boards: BoardsService,
    private readonly votes: VotesService,
  ) {}

  @Get()
  @LabRoles()
  list(@Param('labId') labId: string): Promise<BoardSummary[]> {
    return this.boards.list(labId);
  }

  @Post()
  @LabRoles('facilitator', 'practitioner')
  @ApiZodBody(createBoardSchema)
  create(@Param('labId') labId: string, @Membership() me: LabMember, @Body(new ZodPipe(createBoardSchema)) body: z.output<typeof createBoardSchema>): Promise<BoardDetail> {
    return this.boards.create(labId, me, body);
  }

  @Get(':id')
  @LabRoles()
  get(@Param('labId') labId: string, @Param('id', UuidPipe) id: string, @Membership() me: LabMember): Promise<BoardDetail> {
    return this.boards.get(labId, id, me);
  }

  @Post(':id/vote-rounds')
  @LabRoles('facilitator')
  @ApiZodBody(openVoteRoundSchema)
  openRound(@Param('labId') labId: string, @Param('id', UuidPipe) id: string, @Membership() me: LabMember, @Body(new ZodPipe(openVoteRoundSchema)) body: z.output<typeof openVoteRoundSchema>): Promise<MyVotes> {
    return this.votes.open(labId, id, me, body.votesPerMember);
  }

  @Post(':id/vote-rounds/close')
  @LabRoles('facilitator')
  closeRound(@Param('labId') labId: string, @Param('id', UuidPipe) id: string, @Membership() me: LabMember): Promise<Record<string, number>> {
    return this.votes.close(labId, id, me);
  }

  @Get(':id/votes/mine')
  @LabRoles(...PARTICIPANTS)
  mine(@Param('labId') labId: string, @Param('id', UuidPipe) id: string, @Membership() me: LabMember): Promise<MyVotes> {
    return this.votes.mine(labId, id, me);
  }

  @Post(':id/votes')
  @LabRoles(...PARTICIPANTS)
  @ApiZodBody(castVoteSchema)
  cast(@Param('labId') labId: string, @Param('id', UuidPipe) id: string, @Membership() me: LabMember, @Body(new ZodPipe(castVoteSchema)) body: z.output<typeof castVoteSchema>): Promise<MyVotes> {
    return this.votes.cast(labId, id, me, body.shapeId);
  }

  @Delete(':id/votes/:shapeId')
  @LabRoles(...PARTICIPANTS)
  withdraw(@Param('labId') labId: string, @Param('id', UuidPipe) id: string, @Param('shapeId') shapeId: string, @Membership() me: LabMember): Promise<MyVotes> {
    if (!castVoteSchema.safeParse({ shapeId }).success) throw new AppError('MALFORMED_ID', 'Malformed shape id');
    return this.votes.withdraw(labId, id, me, shapeId);
  }
}
