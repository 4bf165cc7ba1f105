import { useCallback } from 'react';
import type { VersionSummary } from '@relab/shared';
import { api } from '../../lib/api.js';
import { useApiQuery } from '../../lib/useApiQuery.js';

/** The saved versions of a collaborative document, newest first, with save and restore. */
export function useVersions(docName: string) {
  const list = useApiQuery<VersionSummary[]>(() => api.listVersions(docName), [docName]);
  const { setData, reload } = list;

  const save = useCallback(
    async (name: string) => {
      const created = await api.saveVersion(docName, { name });
      setData((current) => [created, ...(current ?? []).filter((v) => v.id !== created.id)]);
      return created;
    },
    [docName, setData],
  );

  const restore = useCallback(
    async (versionId: string) => {
      await api.restoreVersion(docName, versionId);
      // The server may keep the replaced text as a new version.
      reload();
    },
    [docName, reload],
  );

  return { list, save, restore, reload };
}
