import { z } from 'zod';
import { languageSchema, text } from '../api/common.js';
import { BOARD_LIMITS } from './model.js';
import { BOARD_TEMPLATES, type BoardTemplate } from './templates.js';
import type { PersonRef } from '../api/reflections.js';

/** POST /api/labs/:labId/boards */
export const createBoardSchema = z.strictObject({
  title: text(BOARD_LIMITS.title.min, BOARD_LIMITS.title.max),
  template: z.enum(BOARD_TEMPLATES).default('blank'),
  language: languageSchema,
});
export type CreateBoardRequest = z.input<typeof createBoardSchema>;

/** POST /api/labs/:labId/boards/:id/vote-rounds (facilitators): opens a dot-voting round. */
export const openVoteRoundSchema = z.strictObject({
  votesPerMember: z.number().int().min(BOARD_LIMITS.votesPerMember.min).max(BOARD_LIMITS.votesPerMember.max),
});
/** POST /api/labs/:labId/boards/:id/votes: one dot on a shape (a member may put several dots on one shape). */
export const castVoteSchema = z.strictObject({ shapeId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/) });

export interface BoardSummary {
  id: string;
  labId: string;
  title: string;
  template: BoardTemplate;
  createdBy: PersonRef;
  createdAt: string;
}

export interface BoardDetail extends BoardSummary {
  docName: string;
  myAccess: 'read' | 'write';
  /** Facilitators lock, run the timer and voting rounds, and bring everyone to their view. */
  isFacilitator: boolean;
}

/** My dots in the open round (only mine: nobody sees counts before the round closes). */
export interface MyVotes {
  roundId: string | null;
  open: boolean;
  votesPerMember: number;
  /** Shape ids, one entry per dot. */
  mine: string[];
  left: number;
}
