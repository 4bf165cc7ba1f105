import { describe, expect, test } from '@jest/globals';
import { activityLinks, activityPaths } from './api.js';

const LAB = 'lab 1';
const query = { from: '2026-01-01', to: '2026-03-31', bucket: 'month' as const, lifeDomain: 'housing' as const };

describe('activity API paths', () => {
  test('the dashboard carries every filter', () => {
    expect(activityPaths.dashboard(LAB, query)).toBe('/api/labs/lab%201/activity/dashboard?from=2026-01-01&to=2026-03-31&bucket=month&lifeDomain=housing');
  });
  test('the network has no bucket', () => {
    expect(activityPaths.network(LAB, { ...query, sessionId: 's' })).toBe('/api/labs/lab%201/activity/network?from=2026-01-01&to=2026-03-31&sessionId=s&lifeDomain=housing');
  });
  test('downloads are plain links with the period only', () => {
    const range = { from: '2026-01-01', to: '2026-03-31' };
    expect(activityLinks.eventsCsv(LAB, range)).toBe('/api/labs/lab%201/activity/export/events.csv?from=2026-01-01&to=2026-03-31');
    expect(activityLinks.networkGraphml(LAB, range)).toBe('/api/labs/lab%201/activity/export/network.graphml?from=2026-01-01&to=2026-03-31');
  });
  test('a member unlinks themselves at erasures/me', () => {
    expect(activityPaths.eraseMe(LAB)).toBe('/api/labs/lab%201/activity/erasures/me');
  });
});
