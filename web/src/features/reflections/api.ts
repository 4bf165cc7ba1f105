/** Calls of the case-reflection API (under /api/labs/:labId), on the app's API client (cookies, CSRF, ApiError). */
import type {
  CreateReflectionRequest,
  CreateSectionRequest,
  GateRefusal,
  LifeDomain,
  ReflectionDetail,
  ReflectionKey,
  ReflectionReader,
  ReflectionSection,
  ReflectionStatus,
  ReflectionSummary,
  ReflectionTemplate,
  UpdateReflectionRequest,
  UpdateSectionRequest,
} from '@relab/shared';
import { ApiError, api } from '../../lib/api.js';

const id = (value: string) => encodeURIComponent(value);
const lab = (labId: string) => `/api/labs/${id(labId)}`;
const one = (labId: string, reflectionId: string) => `${lab(labId)}/reflections/${id(reflectionId)}`;

export interface ReflectionFilters {
  domain?: LifeDomain | '';
  tag?: string;
  status?: ReflectionStatus | '';
}

/** Query string of the list (empty filters left out). */
export function filtersQuery(filters: ReflectionFilters): string {
  const params = new URLSearchParams();
  if (filters.domain) params.set('domain', filters.domain);
  if (filters.tag?.trim()) params.set('tag', filters.tag.trim());
  if (filters.status) params.set('status', filters.status);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export type ExportFormat = 'md' | 'pdf';

/** Address of an export (a plain link: the session cookie goes with it). */
export function exportUrl(labId: string, reflectionId: string, format: ExportFormat): string {
  return `${one(labId, reflectionId)}/export?format=${format}`;
}

/** The details of a REFLECTION_HAS_DETECTIONS refusal, if the error is one. */
export function gateRefusalOf(error: unknown): GateRefusal | null {
  if (!(error instanceof ApiError) || error.code !== 'REFLECTION_HAS_DETECTIONS') return null;
  const details = error.details as { remaining?: unknown } | undefined;
  return Array.isArray(details?.remaining) ? { remaining: details.remaining as GateRefusal['remaining'] } : { remaining: [] };
}

export const reflectionsApi = {
  list: (labId: string, filters: ReflectionFilters = {}) =>
    api.request<ReflectionSummary[]>('GET', `${lab(labId)}/reflections${filtersQuery(filters)}`),
  create: (labId: string, body: CreateReflectionRequest) => api.request<ReflectionDetail>('POST', `${lab(labId)}/reflections`, body),
  /** Audited as an opening of the reflection. */
  get: (labId: string, reflectionId: string) => api.request<ReflectionDetail>('GET', one(labId, reflectionId)),
  update: (labId: string, reflectionId: string, body: UpdateReflectionRequest) =>
    api.request<ReflectionDetail>('PATCH', one(labId, reflectionId), body),

  /** The author's key (author only). */
  getKey: (labId: string, reflectionId: string) => api.request<ReflectionKey>('GET', `${one(labId, reflectionId)}/key`),
  putKey: (labId: string, reflectionId: string, key: ReflectionKey) =>
    api.request<ReflectionKey | undefined>('PUT', `${one(labId, reflectionId)}/key`, key),
  /** What the server's sharing gate still finds. */
  gate: (labId: string, reflectionId: string) => api.request<GateRefusal>('GET', `${one(labId, reflectionId)}/gate`),

  createSection: (labId: string, reflectionId: string, body: CreateSectionRequest) =>
    api.request<ReflectionSection>('POST', `${one(labId, reflectionId)}/sections`, body),
  updateSection: (labId: string, reflectionId: string, sectionId: string, body: UpdateSectionRequest) =>
    api.request<ReflectionSection>('PATCH', `${one(labId, reflectionId)}/sections/${id(sectionId)}`, body),

  requestReview: (labId: string, reflectionId: string, reviewerId: string) =>
    api.request<ReflectionDetail | undefined>('POST', `${one(labId, reflectionId)}/review`, { reviewerId }),
  approve: (labId: string, reflectionId: string) =>
    api.request<ReflectionDetail | undefined>('POST', `${one(labId, reflectionId)}/review/approve`),
  /** The reviewer sends it back, or the author withdraws it. */
  returnToDraft: (labId: string, reflectionId: string, note: string) =>
    api.request<ReflectionDetail | undefined>('POST', `${one(labId, reflectionId)}/review/return`, { note }),

  readers: (labId: string, reflectionId: string) => api.request<ReflectionReader[]>('GET', `${one(labId, reflectionId)}/readers`),
  template: (labId: string) => api.request<ReflectionTemplate>('GET', `${lab(labId)}/reflection-template`),
  putTemplate: (labId: string, template: ReflectionTemplate) =>
    api.request<ReflectionTemplate | undefined>('PUT', `${lab(labId)}/reflection-template`, template),
};
