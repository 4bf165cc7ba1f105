/** Calls of the activity API (under /api/labs/:labId/activity), on the app's API client (cookies, CSRF, ApiError). */
import type { ActivityQuery, ActivitySettings, ActivitySettingsUpdate, Broker, Dashboard, Network } from '@relab/shared';
import { api } from '../../lib/api.js';
import { queryString, type DayRange } from './filters.js';

const id = (value: string) => encodeURIComponent(value);
export const activityPath = (labId: string) => `/api/labs/${id(labId)}/activity`;

/** The network has no buckets. */
const NETWORK_KEYS = ['from', 'to', 'sessionId', 'lifeDomain'] as const;

export const activityPaths = {
  settings: (labId: string) => `${activityPath(labId)}/settings`,
  dashboard: (labId: string, query: ActivityQuery) => `${activityPath(labId)}/dashboard?${queryString(query)}`,
  network: (labId: string, query: ActivityQuery) => `${activityPath(labId)}/network?${queryString(query, NETWORK_KEYS)}`,
  brokers: (labId: string, query: ActivityQuery) => `${activityPath(labId)}/brokers?${queryString(query, NETWORK_KEYS)}`,
  eraseMe: (labId: string) => `${activityPath(labId)}/erasures/me`,
};

/** Plain links (the session cookie goes with them): a file download each, for facilitators. */
export const activityLinks = {
  eventsCsv: (labId: string, range: DayRange) => `${activityPath(labId)}/export/events.csv?${queryString(range, ['from', 'to'])}`,
  networkGraphml: (labId: string, range: DayRange) => `${activityPath(labId)}/export/network.graphml?${queryString(range, ['from', 'to'])}`,
};

export const activityApi = {
  settings: (labId: string) => api.request<ActivitySettings>('GET', activityPaths.settings(labId)),
  putSettings: (labId: string, body: ActivitySettingsUpdate) => api.request<ActivitySettings>('PUT', activityPaths.settings(labId), body),
  dashboard: (labId: string, query: ActivityQuery) => api.request<Dashboard>('GET', activityPaths.dashboard(labId, query)),
  network: (labId: string, query: ActivityQuery) => api.request<Network>('GET', activityPaths.network(labId, query)),
  /** Facilitators: members who connect groups that are not otherwise connected. */
  brokers: (labId: string, query: ActivityQuery) => api.request<Broker[]>('GET', activityPaths.brokers(labId, query)),
  /** Any member: their identity leaves every event counted so far (204). */
  eraseMe: (labId: string) => api.request<void>('POST', activityPaths.eraseMe(labId)),
};
