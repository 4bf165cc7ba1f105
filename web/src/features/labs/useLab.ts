import { useCallback } from 'react';
import type { Lab, Member, UpdateLabRequest, UpdateMemberRequest } from '@relab/shared';
import { api } from '../../lib/api.js';
import { useApiQuery } from '../../lib/useApiQuery.js';

/** A lab and its members, with the facilitator's changes applied locally from the API's answers. */
export function useLab(labId: string) {
  const lab = useApiQuery<Lab>(() => api.getLab(labId), [labId]);
  const members = useApiQuery<Member[]>(() => api.listMembers(labId), [labId]);
  const { setData: setLab } = lab;
  const { setData: setMembers, reload: reloadMembers } = members;

  const updateLab = useCallback(
    async (patch: UpdateLabRequest) => {
      const updated = await api.updateLab(labId, patch);
      setLab(updated);
      return updated;
    },
    [labId, setLab],
  );

  const updateMember = useCallback(
    async (memberId: string, patch: UpdateMemberRequest) => {
      const updated = await api.updateMember(labId, memberId, patch);
      setMembers((list) => list?.map((m) => (m.id === memberId ? updated : m)));
      return updated;
    },
    [labId, setMembers],
  );

  const removeMember = useCallback(
    async (memberId: string) => {
      await api.removeMember(labId, memberId);
      setMembers((list) => list?.filter((m) => m.id !== memberId));
      setLab((current) => (current ? { ...current, memberCount: Math.max(0, current.memberCount - 1) } : current));
    },
    [labId, setMembers, setLab],
  );

  return { lab, members, updateLab, updateMember, removeMember, reloadMembers };
}
