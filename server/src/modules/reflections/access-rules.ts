import type { DocAccess, LabRole, ReflectionStatus, Sector } from '@relab/shared';

export interface MemberView {
  userId: string;
  role: LabRole;
  sector: Sector | null;
}

export interface ReflectionView {
  authorId: string;
  status: ReflectionStatus;
  reviewerId: string | null;
}

export interface SectionView {
  allowedSectors: readonly Sector[];
  allowedUserIds: readonly string[];
}

const EDITORS: readonly LabRole[] = ['facilitator', 'practitioner'];

/**
 * Who may open a reflection's text (ADR 0006):
 * - a draft: its author only (write);
 * - waiting for approval: the author and the chosen reviewer, read only (what is approved is what gets shared);
 * - shared: facilitators and practitioners write, observers read; families and returnees never see reflections.
 * Whoever is no longer a member of the lab sees nothing, the author included.
 */
export function reflectionAccess(r: ReflectionView, member: MemberView | null): DocAccess {
  if (!member) return 'none';
  const isAuthor = member.userId === r.authorId;
  switch (r.status) {
    case 'draft':
      return isAuthor ? 'write' : 'none';
    case 'in_review':
      return isAuthor || member.userId === r.reviewerId ? 'read' : 'none';
    case 'shared':
      if (isAuthor) return 'write';
      if (EDITORS.includes(member.role)) return 'write';
      return member.role === 'observer' ? 'read' : 'none';
  }
}

/**
 * A need-to-know section: as the reflection while draft or in review (the reviewer checks everything that will be
 * shared); once shared, only the author and the members named by sector or by name.
 */
export function sectionAccess(r: ReflectionView, s: SectionView, member: MemberView | null): DocAccess {
  if (!member) return 'none';
  if (r.status !== 'shared' || member.userId === r.authorId) return reflectionAccess(r, member);
  const named = s.allowedUserIds.includes(member.userId) || (member.sector !== null && s.allowedSectors.includes(member.sector));
  if (!named) return 'none';
  return reflectionAccess(r, member);
}
