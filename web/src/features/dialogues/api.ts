/** Calls of the moderated-dialogue API (under /api/labs/:labId/dialogues), on the app's API client (cookies, CSRF, ApiError). */
import type {
  CreateDialogueRequest,
  DialogueDetail,
  DialogueMessage,
  DialogueSummary,
  EraseResult,
  MessagesPage,
  ModerateRequest,
  ModerationQueue,
  Reaction,
  SendMessageRequest,
  UpdateDialogueRequest,
  WatchedWord,
} from '@relab/shared';
import { api } from '../../lib/api.js';

const id = (value: string) => encodeURIComponent(value);
const dialogues = (labId: string) => `/api/labs/${id(labId)}/dialogues`;
const one = (labId: string, dialogueId: string) => `${dialogues(labId)}/${id(dialogueId)}`;
const message = (labId: string, dialogueId: string, messageId: string) => `${one(labId, dialogueId)}/messages/${id(messageId)}`;

export const dialoguesApi = {
  list: (labId: string) => api.request<DialogueSummary[]>('GET', dialogues(labId)),
  create: (labId: string, body: CreateDialogueRequest) => api.request<DialogueDetail>('POST', dialogues(labId), body),
  get: (labId: string, dialogueId: string) => api.request<DialogueDetail>('GET', one(labId, dialogueId)),
  update: (labId: string, dialogueId: string, body: UpdateDialogueRequest) =>
    api.request<DialogueDetail>('PATCH', one(labId, dialogueId), body),
  addParticipants: (labId: string, dialogueId: string, memberIds: string[], moderator = false) =>
    api.request<DialogueDetail>('POST', `${one(labId, dialogueId)}/participants`, { memberIds, moderator }),
  /** Facilitators remove someone; anyone removes themself (leaves). */
  removeParticipant: (labId: string, dialogueId: string, memberId: string) =>
    api.request<void>('DELETE', `${one(labId, dialogueId)}/participants/${id(memberId)}`),
  consent: (labId: string, dialogueId: string, version: number) =>
    api.request<DialogueDetail>('POST', `${one(labId, dialogueId)}/consent`, { version }),

  /** What changed after `since` (0: everything), in rev order; `more` when another page follows. */
  messages: (labId: string, dialogueId: string, since: number) =>
    api.request<MessagesPage>('GET', `${one(labId, dialogueId)}/messages?since=${Math.max(0, Math.floor(since))}`),
  /** Idempotent by clientId: a retry answers the message already stored. */
  send: (labId: string, dialogueId: string, body: SendMessageRequest) =>
    api.request<DialogueMessage>('POST', `${one(labId, dialogueId)}/messages`, body),
  moderate: (labId: string, dialogueId: string, messageId: string, body: ModerateRequest) =>
    api.request<DialogueMessage>('POST', `${message(labId, dialogueId, messageId)}/moderation`, body),
  react: (labId: string, dialogueId: string, messageId: string, reaction: Reaction, on: boolean) =>
    api.request<DialogueMessage>(on ? 'PUT' : 'DELETE', `${message(labId, dialogueId, messageId)}/reactions/${id(reaction)}`),
  flag: (labId: string, dialogueId: string, messageId: string) =>
    api.request<DialogueMessage>('POST', `${message(labId, dialogueId, messageId)}/flag`),
  queue: (labId: string, dialogueId: string) => api.request<ModerationQueue>('GET', `${one(labId, dialogueId)}/moderation`),
  /** Erases all my messages in the dialogue, and I leave it. */
  eraseMine: (labId: string, dialogueId: string) => api.request<EraseResult>('POST', `${one(labId, dialogueId)}/erase-mine`),

  /** Facilitators: the lab's watched words, and the whole list replaced. */
  watchedWords: (labId: string) => api.request<WatchedWord[]>('GET', `/api/labs/${id(labId)}/watched-words`),
  putWatchedWords: (labId: string, words: WatchedWord[]) => api.request<WatchedWord[]>('PUT', `/api/labs/${id(labId)}/watched-words`, { words }),
};

export type DialoguesApi = typeof dialoguesApi;
