/**
 * Fetch client of the RELAB REST API.
 *
 * - Same-origin cookies carry the session; the CSRF token of the latest SessionResponse is kept in memory only
 *   (never in storage) and echoed in the `x-csrf-token` header of every state-changing request.
 * - Every failure becomes an ApiError carrying a code: the UI shows `t('errors.' + code)`, never the server's text.
 * - `fetch` is injected so the logic can be tested without a browser or a server.
 */
import {
  ERROR_CODES,
  type AcceptInvitationRequest,
  type CreateInvitationRequest,
  type CreateLabRequest,
  type CreatedInvitation,
  type ErrorCode,
  type Invitation,
  type InvitationPreview,
  type JoinRequest,
  type Lab,
  type LoginRequest,
  type Me,
  type Member,
  type RecoverRequest,
  type SaveVersionRequest,
  type SessionResponse,
  type UpdateLabRequest,
  type UpdateMeRequest,
  type UpdateMemberRequest,
  type VersionContent,
  type VersionSummary,
} from '@relab/shared';

/**
 * Header carrying the CSRF token: the same value as CSRF_HEADER of @relab/shared (a test checks it). It is repeated
 * here because that module also builds the zod schemas, which the browser bundle has no use for.
 */
export const CSRF_HEADER = 'x-csrf-token';

/** Codes the client produces itself, when there is no usable answer from the server. */
export const CLIENT_ERROR_CODES = ['NETWORK_ERROR', 'UNKNOWN_ERROR'] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];
export type AnyErrorCode = ErrorCode | ClientErrorCode;

export class ApiError extends Error {
  readonly code: AnyErrorCode;
  readonly status: number;
  readonly details?: unknown;

  constructor(code: AnyErrorCode, status: number, details?: unknown) {
    super(code);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODES, value);
}

/** The code to fall back on when the body of an error response is not the documented JSON. */
export function codeForStatus(status: number): AnyErrorCode {
  switch (status) {
    case 400: return 'VALIDATION_FAILED';
    case 401: return 'UNAUTHENTICATED';
    case 403: return 'FORBIDDEN';
    case 404: return 'NOT_FOUND';
    case 413: return 'PAYLOAD_TOO_LARGE';
    case 415: return 'UNSUPPORTED_MEDIA_TYPE';
    case 429: return 'RATE_LIMITED';
    // A proxy that cannot reach the API answers 502/504: for the user it is a connection problem.
    case 502:
    case 504: return 'NETWORK_ERROR';
    case 503: return 'DATABASE_UNAVAILABLE';
    default: return status >= 500 ? 'INTERNAL' : 'UNKNOWN_ERROR';
  }
}

/** Turns an error response (status + parsed body, or undefined when it was not JSON) into an ApiError. */
export function parseApiError(status: number, body: unknown): ApiError {
  if (body !== null && typeof body === 'object') {
    const { code, details } = body as { code?: unknown; details?: unknown };
    if (isErrorCode(code)) return new ApiError(code, status, details);
  }
  return new ApiError(codeForStatus(status), status);
}

/** The translation key of any thrown value. */
export function errorKey(error: unknown): string {
  const code: AnyErrorCode = error instanceof ApiError ? error.code : 'UNKNOWN_ERROR';
  return `errors.${code}`;
}

const MUTATING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isMutatingMethod(method: string): boolean {
  return MUTATING_METHODS.has(method.toUpperCase());
}

/** Request headers: JSON in and out, and the CSRF token on state-changing requests. */
export function buildHeaders(method: string, csrfToken: string | null, hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (hasBody) headers['content-type'] = 'application/json';
  if (csrfToken && isMutatingMethod(method)) headers[CSRF_HEADER] = csrfToken;
  return headers;
}

export function isSessionResponse(value: unknown): value is SessionResponse {
  if (value === null || typeof value !== 'object') return false;
  const v = value as { csrfToken?: unknown; user?: unknown };
  return typeof v.csrfToken === 'string' && v.user !== null && typeof v.user === 'object';
}

/** Query string of the invitation preview: by join code (participants) or by link token (professionals). */
export type PreviewQuery = { code: string } | { token: string };

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  fetch?: FetchLike;
  /** Prefix of every path, '' for same origin. */
  baseUrl?: string;
}

/** Codes meaning "you are not (or no longer) logged in". INVALID_CREDENTIALS is a wrong password, not a lost session. */
const SESSION_LOST_CODES: readonly AnyErrorCode[] = ['UNAUTHENTICATED', 'SESSION_EXPIRED'];

const id = (value: string) => encodeURIComponent(value);
export const versionsPath = (doc: string) => `/api/collab/docs/${id(doc)}/versions`;

export function createApiClient(options: ApiClientOptions = {}) {
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const baseUrl = options.baseUrl ?? '';
  let csrfToken: string | null = null;
  const sessionLostListeners = new Set<(code: AnyErrorCode) => void>();

  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const hasBody = body !== undefined;
    let response: Response;
    try {
      response = await doFetch(baseUrl + path, {
        method,
        credentials: 'same-origin',
        headers: buildHeaders(method, csrfToken, hasBody),
        body: hasBody ? JSON.stringify(body) : undefined,
      });
    } catch {
      throw new ApiError('NETWORK_ERROR', 0);
    }
    const data = await readJson(response);
    if (!response.ok) {
      const error = parseApiError(response.status, data);
      if (SESSION_LOST_CODES.includes(error.code)) {
        csrfToken = null;
        sessionLostListeners.forEach((listener) => listener(error.code));
      }
      throw error;
    }
    if (isSessionResponse(data)) csrfToken = data.csrfToken;
    return data as T;
  }

  return {
    request,
    getCsrfToken: () => csrfToken,
    clearSession: () => {
      csrfToken = null;
    },
    /** Called when a request finds the session gone (expired, or logged out elsewhere). Returns an unsubscribe function. */
    onSessionLost(listener: (code: AnyErrorCode) => void): () => void {
      sessionLostListeners.add(listener);
      return () => sessionLostListeners.delete(listener);
    },

    getSession: () => request<SessionResponse>('GET', '/api/auth/session'),
    login: (body: LoginRequest) => request<SessionResponse>('POST', '/api/auth/login', body),
    async logout(): Promise<void> {
      try {
        await request<void>('POST', '/api/auth/logout');
      } finally {
        csrfToken = null;
      }
    },
    join: (body: JoinRequest) => request<SessionResponse>('POST', '/api/auth/join', body),
    recover: (body: RecoverRequest) => request<SessionResponse>('POST', '/api/auth/recover', body),
    previewInvitation(query: PreviewQuery): Promise<InvitationPreview> {
      const search = 'code' in query ? `code=${id(query.code)}` : `token=${id(query.token)}`;
      return request<InvitationPreview>('GET', `/api/invitations/preview?${search}`);
    },
    acceptInvitation: (body: AcceptInvitationRequest) =>
      request<SessionResponse>('POST', '/api/auth/accept-invitation', body),
    updateMe: (body: UpdateMeRequest) => request<Me>('PATCH', '/api/me', body),

    listLabs: () => request<Lab[]>('GET', '/api/labs'),
    createLab: (body: CreateLabRequest) => request<Lab>('POST', '/api/labs', body),
    getLab: (labId: string) => request<Lab>('GET', `/api/labs/${id(labId)}`),
    updateLab: (labId: string, body: UpdateLabRequest) => request<Lab>('PATCH', `/api/labs/${id(labId)}`, body),

    listMembers: (labId: string) => request<Member[]>('GET', `/api/labs/${id(labId)}/members`),
    updateMember: (labId: string, memberId: string, body: UpdateMemberRequest) =>
      request<Member>('PATCH', `/api/labs/${id(labId)}/members/${id(memberId)}`, body),
    removeMember: (labId: string, memberId: string) =>
      request<void>('DELETE', `/api/labs/${id(labId)}/members/${id(memberId)}`),

    listInvitations: (labId: string) => request<Invitation[]>('GET', `/api/labs/${id(labId)}/invitations`),
    createInvitation: (labId: string, body: CreateInvitationRequest) =>
      request<CreatedInvitation>('POST', `/api/labs/${id(labId)}/invitations`, body),
    revokeInvitation: (labId: string, invitationId: string) =>
      request<void>('DELETE', `/api/labs/${id(labId)}/invitations/${id(invitationId)}`),

    /** Versions of a collaborative document (`doc` is its full name, e.g. `lab-notes:<labId>`). */
    listVersions: (doc: string) => request<VersionSummary[]>('GET', versionsPath(doc)),
    saveVersion: (doc: string, body: SaveVersionRequest) => request<VersionSummary>('POST', versionsPath(doc), body),
    getVersion: (doc: string, versionId: string) =>
      request<VersionContent>('GET', `${versionsPath(doc)}/${id(versionId)}`),
    /** 204; the restored content then reaches every open editor through the live connection. */
    restoreVersion: (doc: string, versionId: string) =>
      request<void>('POST', `${versionsPath(doc)}/${id(versionId)}/restore`),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/** The client the app uses: same origin, the browser's fetch. */
export const api = createApiClient();
