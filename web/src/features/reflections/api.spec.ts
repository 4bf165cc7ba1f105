import { describe, expect, test } from '@jest/globals';
import { ApiError } from '../../lib/api.js';
import { exportUrl, filtersQuery, gateRefusalOf } from './api.js';

describe('reflections API helpers', () => {
  test('filters become a query string without empty values', () => {
    expect(filtersQuery({})).toBe('');
    expect(filtersQuery({ domain: '', tag: ' ', status: '' })).toBe('');
    expect(filtersQuery({ domain: 'housing', tag: 'Brussel centrum', status: 'shared' })).toBe('?domain=housing&tag=Brussel+centrum&status=shared');
  });

  test('export links', () => {
    expect(exportUrl('lab 1', 'r/2', 'pdf')).toBe('/api/labs/lab%201/reflections/r%2F2/export?format=pdf');
  });

  test('the remaining details of a refusal by the sharing gate', () => {
    const remaining = [{ kind: 'phone', text: '0470 12 34 56', key: 'phone:0470123456', where: 'content' }];
    expect(gateRefusalOf(new ApiError('REFLECTION_HAS_DETECTIONS', 422, { remaining }))).toEqual({ remaining });
    expect(gateRefusalOf(new ApiError('REFLECTION_HAS_DETECTIONS', 422))).toEqual({ remaining: [] });
    expect(gateRefusalOf(new ApiError('REVIEWER_INVALID', 422))).toBeNull();
    expect(gateRefusalOf(new Error('x'))).toBeNull();
  });
});
