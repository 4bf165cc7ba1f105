import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { assignPseudonym, detectIdentifiers, type DetectionKind, type DocAccess, type PseudonymEntry, type ReflectionDetail } from '@relab/shared';
import { reflectionsApi } from '../api.js';
import { withDismissed, withName, withPseudonym, withoutDismissed, withoutName } from '../detections/keyEdits.js';
import { DetectionScope } from '../editor/DetectionScope.js';
import { groupByKey, isShown, keyFilterOf, replaceKeyInText, type DetectionGroup } from '../editor/detections.js';
import { useReflectionKey } from '../useReflectionKey.js';

interface Options {
  labId: string;
  detail: ReflectionDetail;
  /** The live access to the main document. */
  access: DocAccess | null;
  onDetail: (detail: ReflectionDetail) => void;
}

/**
 * Identifying details of a draft, for its author: the key, the detections of every editor of the reflection (and
 * of the title) grouped by key, and the actions "replace with pseudonym", "not identifying" and the names to look for.
 */
export function useReflectionDetections({ labId, detail, access, onDetail }: Options) {
  const { t } = useTranslation();
  const scope = useMemo(() => new DetectionScope(), []);
  const keyState = useReflectionKey(labId, detail.id, detail.isAuthor);
  const { update: updateKey } = keyState;
  const detecting = detail.isAuthor && detail.status === 'draft' && access === 'write';
  const names = keyState.key?.names;
  const filter = useMemo(() => keyFilterOf(keyState.key), [keyState.key]);
  const describe = useCallback((kind: DetectionKind) => t('reflections.detections.highlight', { kind: t(`reflections.kinds.${kind}`) }), [t]);

  useEffect(() => {
    scope.setOptions({ enabled: detecting, names: names ?? [], filter, describe });
  }, [scope, detecting, names, filter, describe]);

  const editorDetections = useSyncExternalStore(scope.subscribe, scope.getSnapshot);
  const titleDetections = useMemo(
    () => (detecting ? detectIdentifiers(detail.title, names && names.length > 0 ? { names } : undefined).filter((d) => isShown(d, filter)) : []),
    [detecting, detail.title, names, filter],
  );
  const groups = useMemo(
    () => (detecting ? groupByKey([...titleDetections, ...editorDetections.flatMap((e) => e.detections)]) : []),
    [detecting, titleDetections, editorDetections],
  );

  const replace = useCallback(
    async (group: DetectionGroup): Promise<string> => {
      // The key is saved first: a real detail never leaves the text without its pseudonym being kept.
      const chosen: { entry?: PseudonymEntry } = {};
      await updateKey((key) => {
        chosen.entry = assignPseudonym({ key: group.key, kind: group.kind, text: group.texts[0] }, key.pseudonyms, detail.language);
        return withPseudonym(key, chosen.entry);
      });
      const entry = chosen.entry;
      if (!entry) throw new Error('no pseudonym');
      scope.replace(group.key, entry.pseudonym);
      if (titleDetections.some((d) => d.key === group.key)) {
        const title = replaceKeyInText(detail.title, titleDetections, group.key, entry.pseudonym);
        onDetail(await reflectionsApi.update(labId, detail.id, { title }));
      }
      return entry.pseudonym;
    },
    [updateKey, detail.language, detail.title, detail.id, scope, titleDetections, labId, onDetail],
  );

  const dismiss = useCallback(
    async (group: DetectionGroup) => {
      await updateKey((key) => withDismissed(key, group));
    },
    [updateKey],
  );
  const undismiss = useCallback((detectionKey: string) => updateKey((key) => withoutDismissed(key, detectionKey)), [updateKey]);
  const addName = useCallback((name: string) => updateKey((key) => withName(key, name)), [updateKey]);
  const removeName = useCallback((index: number) => updateKey((key) => withoutName(key, index)), [updateKey]);

  return { scope, keyState, detecting, groups, replace, dismiss, undismiss, addName, removeName };
}
