import { useCallback } from 'react';
import type { CreateInvitationRequest, CreatedInvitation, Invitation } from '@relab/shared';
import { api } from '../../lib/api.js';
import { useApiQuery } from '../../lib/useApiQuery.js';

/** Invitations of a lab (facilitators only): list, create, revoke. */
export function useInvitations(labId: string) {
  const query = useApiQuery<Invitation[]>(() => api.listInvitations(labId), [labId]);
  const { setData } = query;

  const create = useCallback(
    async (body: CreateInvitationRequest): Promise<CreatedInvitation> => {
      const created = await api.createInvitation(labId, body);
      setData((list) => [created.invitation, ...(list ?? []).filter((i) => i.id !== created.invitation.id)]);
      return created;
    },
    [labId, setData],
  );

  const revoke = useCallback(
    async (invitationId: string) => {
      await api.revokeInvitation(labId, invitationId);
      setData((list) => list?.map((i) => (i.id === invitationId ? { ...i, status: 'revoked' as const } : i)));
    },
    [labId, setData],
  );

  return { ...query, create, revoke };
}
