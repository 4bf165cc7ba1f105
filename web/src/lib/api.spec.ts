import { describe, expect, test } from '@jest/globals';
import { CSRF_HEADER as SHARED_CSRF_HEADER, ERROR_CODE_IDS } from '@relab/shared';
import {
  ApiError,
  CSRF_HEADER,
  buildHeaders,
  codeForStatus,
  createApiClient,
  errorKey,
  isMutatingMethod,
  parseApiError,
  type FetchLike,
} from './api.js';

interface Call {
  url: string;
  init: RequestInit;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });
}

/** A fake fetch answering from a queue and recording every call. */
function fakeFetch(...answers: Array<Response | Error>) {
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, init = {}) => {
    calls.push({ url, init });
    const next = answers.shift();
    if (!next) throw new Error('no answer left');
    if (next instanceof Error) throw next;
    return next;
  };
  return { fetch, calls };
}

const headersOf = (call: Call) => call.init.headers as Record<string, string>;

const session = (csrfToken: string) => ({
  user: { id: 'u1', kind: 'professional', displayName: 'An', email: 'an@example.org', language: 'nl' },
  csrfToken,
});

describe('error parsing', () => {
  test('the code of the JSON body is kept, with its status and details', () => {
    const error = parseApiError(409, { statusCode: 409, code: 'LAST_FACILITATOR', message: 'x', details: { a: 1 } });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('LAST_FACILITATOR');
    expect(error.status).toBe(409);
    expect(error.details).toEqual({ a: 1 });
  });
  test('every shared error code is recognised', () => {
    for (const code of ERROR_CODE_IDS) expect(parseApiError(400, { code }).code).toBe(code);
  });
  test('an unknown code or a body that is not JSON falls back on the status', () => {
    expect(parseApiError(404, { code: 'SOMETHING_NEW' }).code).toBe('NOT_FOUND');
    expect(parseApiError(500, undefined).code).toBe('INTERNAL');
    expect(parseApiError(502, '<html>').code).toBe('NETWORK_ERROR');
    expect(parseApiError(418, null).code).toBe('UNKNOWN_ERROR');
    expect(codeForStatus(429)).toBe('RATE_LIMITED');
  });
  test('the server message is never the translation key', () => {
    expect(errorKey(parseApiError(401, { code: 'INVALID_CREDENTIALS', message: 'Wrong password' }))).toBe(
      'errors.INVALID_CREDENTIALS',
    );
    expect(errorKey(new TypeError('boom'))).toBe('errors.UNKNOWN_ERROR');
  });
});

describe('CSRF header', () => {
  test('is the header name of the shared contract', () => {
    expect(CSRF_HEADER).toBe(SHARED_CSRF_HEADER);
  });
  test('is sent on state-changing methods only', () => {
    expect(['POST', 'patch', 'PUT', 'DELETE'].every(isMutatingMethod)).toBe(true);
    expect(isMutatingMethod('GET')).toBe(false);
    expect(buildHeaders('GET', 'tok', false)[CSRF_HEADER]).toBeUndefined();
    expect(buildHeaders('DELETE', 'tok', false)[CSRF_HEADER]).toBe('tok');
    expect(buildHeaders('POST', null, true)).toEqual({ accept: 'application/json', 'content-type': 'application/json' });
  });
});

describe('client', () => {
  test('keeps the csrf token of the latest session and sends it on mutations', async () => {
    const { fetch, calls } = fakeFetch(json(200, session('t1')), json(200, []), json(200, { id: 'l1' }), json(200, session('t2')), new Response(null, { status: 204 }));
    const api = createApiClient({ fetch });
    await api.getSession();
    expect(api.getCsrfToken()).toBe('t1');
    await api.listLabs();
    expect(headersOf(calls[1])[CSRF_HEADER]).toBeUndefined();
    await api.createLab({ name: 'Lab Gent', languages: ['nl'] });
    expect(headersOf(calls[2])[CSRF_HEADER]).toBe('t1');
    expect(calls[2].init.method).toBe('POST');
    expect(calls[2].init.credentials).toBe('same-origin');
    expect(JSON.parse(String(calls[2].init.body))).toEqual({ name: 'Lab Gent', languages: ['nl'] });
    await api.recover({ recoveryCode: 'ABCD-EFGH-IJKL' });
    expect(api.getCsrfToken()).toBe('t2');
    await expect(api.logout()).resolves.toBeUndefined();
    expect(headersOf(calls[4])[CSRF_HEADER]).toBe('t2');
    expect(api.getCsrfToken()).toBeNull();
  });

  test('throws an ApiError with the code of the answer', async () => {
    const { fetch } = fakeFetch(json(401, { statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'Invalid' }));
    const api = createApiClient({ fetch });
    await expect(api.login({ email: 'a@b.be', password: 'x' })).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
      status: 401,
    });
  });

  test('a network failure becomes NETWORK_ERROR', async () => {
    const { fetch } = fakeFetch(new TypeError('Failed to fetch'));
    await expect(createApiClient({ fetch }).listLabs()).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
  });

  test('a lost session forgets the token and tells the listeners; a wrong password does not', async () => {
    const { fetch } = fakeFetch(
      json(200, session('t1')),
      json(401, { code: 'INVALID_CREDENTIALS' }),
      json(401, { code: 'SESSION_EXPIRED' }),
    );
    const api = createApiClient({ fetch });
    const heard: string[] = [];
    const stop = api.onSessionLost((code) => heard.push(code));
    await api.getSession();
    await expect(api.login({ email: 'a@b.be', password: 'x' })).rejects.toBeInstanceOf(ApiError);
    expect(heard).toEqual([]);
    expect(api.getCsrfToken()).toBe('t1');
    await expect(api.listLabs()).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    expect(heard).toEqual(['SESSION_EXPIRED']);
    expect(api.getCsrfToken()).toBeNull();
    stop();
  });

  test('builds the documented paths, encoding ids and query values', async () => {
    const { fetch, calls } = fakeFetch(
      json(200, { labName: 'L' }),
      json(200, { labName: 'L' }),
      new Response(null, { status: 204 }),
      json(200, { id: 'm' }),
    );
    const api = createApiClient({ fetch, baseUrl: '' });
    await api.previewInvitation({ code: 'K7QM 4TXZ' });
    await api.previewInvitation({ token: 'a/b?c' });
    await api.revokeInvitation('lab 1', 'inv/2');
    await api.updateMember('l1', 'm1', { role: 'observer' });
    expect(calls.map((c) => `${c.init.method} ${c.url}`)).toEqual([
      'GET /api/invitations/preview?code=K7QM%204TXZ',
      'GET /api/invitations/preview?token=a%2Fb%3Fc',
      'DELETE /api/labs/lab%201/invitations/inv%2F2',
      'PATCH /api/labs/l1/members/m1',
    ]);
  });
});

describe('version history', () => {
  test('uses /api/collab/docs/:doc/versions with the document name encoded, and the CSRF header on mutations', async () => {
    const { fetch, calls } = fakeFetch(
      json(200, session('t9')),
      json(200, []),
      json(201, { id: 'v1', name: 'Na overleg' }),
      json(200, { id: 'v1', state: 'AAA=' }),
      new Response(null, { status: 204 }),
    );
    const api = createApiClient({ fetch });
    await api.getSession();
    await api.listVersions('lab-notes:L1');
    await expect(api.saveVersion('lab-notes:L1', { name: 'Na overleg' })).resolves.toMatchObject({ id: 'v1' });
    await api.getVersion('lab-notes:L1', 'v1');
    await expect(api.restoreVersion('lab-notes:L1', 'v1')).resolves.toBeUndefined();
    expect(calls.slice(1).map((c) => `${c.init.method} ${c.url}`)).toEqual([
      'GET /api/collab/docs/lab-notes%3AL1/versions',
      'POST /api/collab/docs/lab-notes%3AL1/versions',
      'GET /api/collab/docs/lab-notes%3AL1/versions/v1',
      'POST /api/collab/docs/lab-notes%3AL1/versions/v1/restore',
    ]);
    expect(headersOf(calls[2])[CSRF_HEADER]).toBe('t9');
    expect(headersOf(calls[4])[CSRF_HEADER]).toBe('t9');
    expect(headersOf(calls[1])[CSRF_HEADER]).toBeUndefined();
  });

  test('a missing version is an ApiError VERSION_NOT_FOUND', async () => {
    const { fetch } = fakeFetch(json(404, { statusCode: 404, code: 'VERSION_NOT_FOUND', message: 'x' }));
    await expect(createApiClient({ fetch }).getVersion('lab-notes:L1', 'nope')).rejects.toMatchObject({ code: 'VERSION_NOT_FOUND', status: 404 });
  });
});
