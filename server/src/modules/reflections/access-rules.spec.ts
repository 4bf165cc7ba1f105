import { describe, expect, it } from '@jest/globals';
import { reflectionAccess, sectionAccess, type MemberView, type ReflectionView } from './access-rules.js';

const author: MemberView = { userId: 'a', role: 'practitioner', sector: 'social_worker' };
const reviewer: MemberView = { userId: 'r', role: 'practitioner', sector: 'justice_assistant' };
const colleague: MemberView = { userId: 'c', role: 'practitioner', sector: 'psychologist' };
const facilitator: MemberView = { userId: 'f', role: 'facilitator', sector: null };
const observer: MemberView = { userId: 'o', role: 'observer', sector: 'psychologist' };
const family: MemberView = { userId: 'p', role: 'family', sector: null };
const at = (status: ReflectionView['status']): ReflectionView => ({ authorId: 'a', status, reviewerId: status === 'in_review' ? 'r' : null });

describe('who may open a reflection', () => {
  it('a draft is its author’s only', () => {
    expect([author, reviewer, colleague, facilitator, observer, family, null].map((m) => reflectionAccess(at('draft'), m))).toEqual(['write', 'none', 'none', 'none', 'none', 'none', 'none']);
  });
  it('in review, the author and the reviewer read and nobody writes', () => {
    expect([author, reviewer, colleague, facilitator, observer, family].map((m) => reflectionAccess(at('in_review'), m))).toEqual(['read', 'read', 'none', 'none', 'none', 'none']);
  });
  it('shared: professionals write, observers read, families never', () => {
    expect([author, reviewer, colleague, facilitator, observer, family].map((m) => reflectionAccess(at('shared'), m))).toEqual(['write', 'write', 'write', 'write', 'read', 'none']);
  });
  it('an author who left the lab sees nothing', () => {
    expect(reflectionAccess(at('shared'), null)).toBe('none');
  });
});

describe('who may open a need-to-know section', () => {
  const psychologists = { allowedSectors: ['psychologist'] as const, allowedUserIds: [] };
  const named = { allowedSectors: [], allowedUserIds: ['f'] };
  it('once shared: the author and the named sectors or members only', () => {
    expect([author, reviewer, colleague, facilitator, observer, family].map((m) => sectionAccess(at('shared'), psychologists, m))).toEqual(['write', 'none', 'write', 'none', 'read', 'none']);
    expect([author, reviewer, colleague, facilitator].map((m) => sectionAccess(at('shared'), named, m))).toEqual(['write', 'none', 'none', 'write']);
  });
  it('before sharing: as the reflection (the reviewer checks all of it)', () => {
    expect([author, reviewer, colleague].map((m) => sectionAccess(at('in_review'), psychologists, m))).toEqual(['read', 'read', 'none']);
    expect([author, colleague].map((m) => sectionAccess(at('draft'), psychologists, m))).toEqual(['write', 'none']);
  });
});
