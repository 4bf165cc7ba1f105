/** Calls of the sessions API (under /api/labs/:labId), on the app's API client (cookies, CSRF, ApiError). */
import type {
  BoardSummary,
  CreateSessionRequest,
  DialogueSummary,
  GroundRules,
  LiveState,
  ReflectionSummary,
  SessionDetail,
  SessionReport,
  SessionSummary,
} from '@relab/shared';
import { ApiError, api } from '../../lib/api.js';
import type { UpdateSessionBody } from './plan.js';

const id = (value: string) => encodeURIComponent(value);
const lab = (labId: string) => `/api/labs/${id(labId)}`;
const sessions = (labId: string) => `${lab(labId)}/sessions`;
const one = (labId: string, sessionId: string) => `${sessions(labId)}/${id(sessionId)}`;
const live = (labId: string, sessionId: string) => `${one(labId, sessionId)}/live`;

export type ReportFormat = 'md' | 'pdf';

/** Plain links (the session cookie goes with them): a file download each. */
export const sessionLinks = {
  /** Every upcoming session of the lab, as one iCalendar file. */
  labCalendar: (labId: string) => `${sessions(labId)}/calendar.ics`,
  calendar: (labId: string, sessionId: string) => `${one(labId, sessionId)}/calendar.ics`,
  report: (labId: string, sessionId: string, format: ReportFormat, language: string) =>
    `${one(labId, sessionId)}/report.${format}?language=${id(language)}`,
};

/** A list that may not exist (yet) on this server is empty rather than an error. */
async function orEmpty<T>(load: Promise<T[]>): Promise<T[]> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 405 || error.status === 501)) return [];
    throw error;
  }
}

export const sessionsApi = {
  list: (labId: string, when: 'upcoming' | 'past') => api.request<SessionSummary[]>('GET', `${sessions(labId)}?when=${when}`),
  /** One session, or each session of a recurring series. */
  create: (labId: string, body: CreateSessionRequest) => api.request<SessionSummary[]>('POST', sessions(labId), body),
  get: (labId: string, sessionId: string) => api.request<SessionDetail>('GET', one(labId, sessionId)),
  update: (labId: string, sessionId: string, body: UpdateSessionBody) => api.request<SessionDetail>('PATCH', one(labId, sessionId), body),
  cancel: (labId: string, sessionId: string) => api.request<SessionDetail>('POST', `${one(labId, sessionId)}/cancel`),
  consent: (labId: string, sessionId: string, version: number) =>
    api.request<SessionDetail>('POST', `${one(labId, sessionId)}/consent`, { version }),

  groundRules: (labId: string) => api.request<GroundRules>('GET', `${lab(labId)}/ground-rules`),
  putGroundRules: (labId: string, texts: GroundRules['texts']) => api.request<GroundRules>('PUT', `${lab(labId)}/ground-rules`, { texts }),

  start: (labId: string, sessionId: string) => api.request<LiveState>('POST', `${live(labId, sessionId)}/start`),
  setItem: (labId: string, sessionId: string, itemId: string) => api.request<LiveState>('POST', `${live(labId, sessionId)}/item`, { itemId }),
  timer: (labId: string, sessionId: string, action: 'start' | 'pause' | 'reset', seconds?: number) =>
    api.request<LiveState>('POST', `${live(labId, sessionId)}/timer`, seconds === undefined ? { action } : { action, seconds }),
  bring: (labId: string, sessionId: string, itemId: string) => api.request<void>('POST', `${live(labId, sessionId)}/bring`, { itemId }),
  hand: (labId: string, sessionId: string, raised: boolean) => api.request<LiveState>('POST', `${live(labId, sessionId)}/hand`, { raised }),
  lowerHand: (labId: string, sessionId: string, memberId: string) =>
    api.request<LiveState>('POST', `${live(labId, sessionId)}/hands/${id(memberId)}/lower`),
  /** Ends the session; the server saves a version of every document touched. */
  end: (labId: string, sessionId: string) => api.request<SessionReport>('POST', `${live(labId, sessionId)}/end`),
  report: (labId: string, sessionId: string) => api.request<SessionReport>('GET', `${one(labId, sessionId)}/report`),

  /** What an agenda item can point at: the lab's shared reflections, its boards and its dialogues. */
  refs: {
    reflections: (labId: string) => orEmpty(api.request<ReflectionSummary[]>('GET', `${lab(labId)}/reflections?status=shared`)),
    boards: (labId: string) => orEmpty(api.request<BoardSummary[]>('GET', `${lab(labId)}/boards`)),
    dialogues: (labId: string) => orEmpty(api.request<DialogueSummary[]>('GET', `${lab(labId)}/dialogues`)),
  },
};
