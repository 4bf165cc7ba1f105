/** Pure changes of the author's key (names to look for, pseudonyms, details marked "not identifying"). */
import type { DetectionKind, PseudonymEntry, ReflectionKey } from '@relab/shared';

/** The key with `entry` as the pseudonym of its key (replacing an earlier one for the same key). */
export function withPseudonym(key: ReflectionKey, entry: PseudonymEntry): ReflectionKey {
  return { ...key, pseudonyms: [...key.pseudonyms.filter((p) => p.key !== entry.key), entry] };
}

export function withDismissed(key: ReflectionKey, detection: { key: string; kind: DetectionKind }): ReflectionKey {
  if (key.dismissed.some((d) => d.key === detection.key)) return key;
  return { ...key, dismissed: [...key.dismissed, { key: detection.key, kind: detection.kind }] };
}

export function withoutDismissed(key: ReflectionKey, detectionKey: string): ReflectionKey {
  return { ...key, dismissed: key.dismissed.filter((d) => d.key !== detectionKey) };
}

export function withName(key: ReflectionKey, name: string): ReflectionKey {
  return { ...key, names: [...key.names, name] };
}

const NAME_KEY = /^name:(\d+)$/;

/**
 * The key without the name at `index`. Detections of the names list are keyed by the name's index (`name:<i>`), so
 * the later names move down by one and their pseudonyms and dismissals move with them; the removed name's dismissal
 * goes, and its pseudonym stays (the author may still need it) under a key no detection uses.
 */
export function withoutName(key: ReflectionKey, index: number): ReflectionKey {
  const remap = (k: string): string | null => {
    const match = NAME_KEY.exec(k);
    if (!match) return k;
    const i = Number(match[1]);
    if (i < index) return k;
    return i === index ? null : `name:${i - 1}`;
  };
  return {
    names: key.names.filter((_, i) => i !== index),
    dismissed: key.dismissed.flatMap((d) => {
      const k = remap(d.key);
      return k ? [{ ...d, key: k }] : [];
    }),
    pseudonyms: key.pseudonyms.map((p) => ({ ...p, key: remap(p.key) ?? `retired:${p.pseudonym}` })),
  };
}
