import type { AgendaKind } from '@relab/shared';
import { useApiQuery } from '../../../lib/useApiQuery.js';
import { sessionsApi } from '../api.js';

export interface RefOption {
  id: string;
  title: string;
}

export interface AgendaRefs {
  options: Record<Exclude<AgendaKind, 'discussion'>, RefOption[]>;
  loading: boolean;
  error: unknown;
}

const byTitle = (a: RefOption, b: RefOption) => a.title.localeCompare(b.title);

/**
 * What agenda items can point at: the lab's shared reflections, its boards and its dialogues. A list this server
 * does not offer (yet) is empty; one that fails for another reason leaves the other two usable.
 */
export function useAgendaRefs(labId: string): AgendaRefs {
  const query = useApiQuery(async () => {
    const [reflections, boards, dialogues] = await Promise.allSettled([
      sessionsApi.refs.reflections(labId),
      sessionsApi.refs.boards(labId),
      sessionsApi.refs.dialogues(labId),
    ]);
    const ok = <T extends { id: string; title: string }>(r: PromiseSettledResult<T[]>) =>
      r.status === 'fulfilled' ? r.value.map(({ id, title }) => ({ id, title })).sort(byTitle) : [];
    const failed = [reflections, boards, dialogues].find((r) => r.status === 'rejected') as PromiseRejectedResult | undefined;
    return {
      options: { reflection: ok(reflections), board: ok(boards), dialogue: ok(dialogues) },
      error: failed ? failed.reason : null,
    };
  }, [labId]);
  return {
    options: query.data?.options ?? { reflection: [], board: [], dialogue: [] },
    loading: query.loading,
    error: query.data?.error ?? query.error,
  };
}
