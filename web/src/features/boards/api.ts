/** Calls of the whiteboard API (under /api/labs/:labId/boards), on the app's API client (cookies, CSRF, ApiError). */
import type { BoardDetail, BoardSummary, CreateBoardRequest, MyVotes } from '@relab/shared';
import { api } from '../../lib/api.js';

const id = (value: string) => encodeURIComponent(value);
const boards = (labId: string) => `/api/labs/${id(labId)}/boards`;
const one = (labId: string, boardId: string) => `${boards(labId)}/${id(boardId)}`;

export const boardsApi = {
  list: (labId: string) => api.request<BoardSummary[]>('GET', boards(labId)),
  create: (labId: string, body: CreateBoardRequest) => api.request<BoardDetail>('POST', boards(labId), body),
  get: (labId: string, boardId: string) => api.request<BoardDetail>('GET', one(labId, boardId)),

  /** Facilitators: opens a dot-voting round (the server writes `board.vote`). */
  openVoteRound: (labId: string, boardId: string, votesPerMember: number) =>
    api.request<unknown>('POST', `${one(labId, boardId)}/vote-rounds`, { votesPerMember }),
  /** Facilitators: closes the round; the server writes the results into `board.vote.results`. */
  closeVoteRound: (labId: string, boardId: string) => api.request<unknown>('POST', `${one(labId, boardId)}/vote-rounds/close`),
  myVotes: (labId: string, boardId: string) => api.request<MyVotes>('GET', `${one(labId, boardId)}/votes/mine`),
  /** One dot on a shape. */
  vote: (labId: string, boardId: string, shapeId: string) => api.request<MyVotes>('POST', `${one(labId, boardId)}/votes`, { shapeId }),
  /** Takes one of my dots off a shape. */
  unvote: (labId: string, boardId: string, shapeId: string) =>
    api.request<MyVotes>('DELETE', `${one(labId, boardId)}/votes/${id(shapeId)}`),
};

/** A file name from a board title: letters, digits, dashes (`board-<title>.png`). */
export function exportFileName(title: string, extension: 'png' | 'svg'): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .toLowerCase();
  return `board-${slug || 'export'}.${extension}`;
}
