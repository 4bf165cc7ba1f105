/**
 * Pure helpers of the detection of identifying details in a ProseMirror document: from textblocks to document
 * positions, what to show, grouping by key and the "replace every occurrence of a key" transaction.
 *
 * The detector itself (`detectIdentifiers` of @relab/shared) is passed in as a function, so these helpers can be
 * tested with any detector and without a browser.
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import type { Detection, DetectionKind, ReflectionKey } from '@relab/shared';

/** What the detector gives for one block of text. */
export type DetectFn = (text: string) => readonly Detection[];

/** A detection placed in a document: `from`/`to` are ProseMirror positions. */
export interface LocatedDetection {
  kind: DetectionKind;
  key: string;
  text: string;
  confidence: Detection['confidence'];
  from: number;
  to: number;
}

/** A detection in a plain text (the title): `start`/`end` are string offsets. */
export type TextDetection = Pick<Detection, 'kind' | 'key' | 'text' | 'confidence' | 'start' | 'end'>;

/**
 * The text of a textblock such that string offset `i` is document position `contentStart + i`: text nodes as they
 * are, every other inline node (a hard break…) as as many line breaks as it occupies positions. A line break keeps the
 * detector from joining words across the break.
 */
export function textblockText(block: PMNode): string {
  let out = '';
  block.forEach((child) => {
    out += child.isText ? (child.text ?? '') : '\n'.repeat(child.nodeSize);
  });
  return out;
}

/** Every detection of the document, in document order (the detector runs once per textblock). */
export function findDetections(doc: PMNode, detect: DetectFn): LocatedDetection[] {
  const out: LocatedDetection[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const text = textblockText(node);
    if (text.trim() === '') return false;
    const start = pos + 1;
    for (const d of detect(text)) {
      // Offsets outside the block would point into another node: never trust them blindly.
      if (!(d.start >= 0 && d.end <= text.length && d.end > d.start)) continue;
      out.push({ kind: d.kind, key: d.key, text: d.text, confidence: d.confidence, from: start + d.start, to: start + d.end });
    }
    return false;
  });
  return out;
}

/** Case- and space-insensitive form of a text, to compare a detection with the pseudonyms already used. */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase();
}

/** What the author's key says about detections: keys marked "not identifying", and the pseudonyms in use. */
export interface KeyFilter {
  dismissed: ReadonlySet<string>;
  /** Normalised pseudonyms ("persoon a"): a pseudonym in the text is not itself an identifying detail. */
  pseudonyms: ReadonlySet<string>;
}

export const EMPTY_KEY_FILTER: KeyFilter = { dismissed: new Set(), pseudonyms: new Set() };

export function keyFilterOf(key: Pick<ReflectionKey, 'dismissed' | 'pseudonyms'> | null | undefined): KeyFilter {
  if (!key) return EMPTY_KEY_FILTER;
  return {
    dismissed: new Set(key.dismissed.map((d) => d.key)),
    pseudonyms: new Set(key.pseudonyms.map((p) => normaliseText(p.pseudonym))),
  };
}

/**
 * Whether a detection is still to be shown: not marked "not identifying", and not a pseudonym given already.
 * A real detail typed again (or brought back by undo) is shown again, even if its key has a pseudonym.
 */
export function isShown(d: Pick<Detection, 'key' | 'text'>, filter: KeyFilter): boolean {
  return !filter.dismissed.has(d.key) && !filter.pseudonyms.has(normaliseText(d.text));
}

/** One identifying detail (one key) with every way it was written and how often it occurs. */
export interface DetectionGroup {
  key: string;
  kind: DetectionKind;
  /** The distinct texts found for this key, in order of appearance. */
  texts: string[];
  count: number;
  confidence: Detection['confidence'];
}

/** Detections grouped by key, in order of first appearance; 'certain' wins over 'likely'. */
export function groupByKey(list: readonly Pick<Detection, 'key' | 'kind' | 'text' | 'confidence'>[]): DetectionGroup[] {
  const groups = new Map<string, DetectionGroup>();
  for (const d of list) {
    const group = groups.get(d.key);
    if (!group) {
      groups.set(d.key, { key: d.key, kind: d.kind, texts: [d.text], count: 1, confidence: d.confidence });
      continue;
    }
    group.count += 1;
    if (!group.texts.includes(d.text)) group.texts.push(d.text);
    if (d.confidence === 'certain') group.confidence = 'certain';
  }
  return [...groups.values()];
}

/**
 * One transaction replacing every detection of `key` by `replacement`, from the end of the document backwards so the
 * positions still to replace stay valid. The replacement keeps the marks of the text it replaces (bold stays bold).
 * `detections` must have been found in `state.doc`. Returns null when the key does not occur.
 */
export function replaceKeyTransaction(
  state: EditorState,
  detections: readonly LocatedDetection[],
  key: string,
  replacement: string,
): Transaction | null {
  const ranges = detections.filter((d) => d.key === key).sort((a, b) => b.from - a.from);
  if (ranges.length === 0 || replacement === '') return null;
  const tr = state.tr;
  let limit = Number.POSITIVE_INFINITY;
  for (const range of ranges) {
    // Overlapping ranges cannot both be replaced: the later one (already done) wins.
    if (range.to > limit) continue;
    tr.insertText(replacement, range.from, range.to);
    limit = range.from;
  }
  return tr.docChanged ? tr : null;
}

/** A plain text (the title) with every detection of `key` replaced, from the end backwards. */
export function replaceKeyInText(text: string, detections: readonly TextDetection[], key: string, replacement: string): string {
  const ranges = detections.filter((d) => d.key === key).sort((a, b) => b.start - a.start);
  let out = text;
  let limit = Number.POSITIVE_INFINITY;
  for (const range of ranges) {
    if (range.end > limit || range.start < 0 || range.end > text.length) continue;
    out = out.slice(0, range.start) + replacement + out.slice(range.end);
    limit = range.start;
  }
  return out;
}

/**
 * Wraps a detector with a cache by text: when one paragraph changes, only that paragraph is analysed again.
 * The cache keeps the texts of the last run only (so it never grows beyond one document).
 */
export function cachedDetector(detect: DetectFn): DetectFn & { nextRun: () => void } {
  let previous = new Map<string, readonly Detection[]>();
  let current = new Map<string, readonly Detection[]>();
  const run = ((text: string) => {
    let found = current.get(text) ?? previous.get(text);
    if (!found) found = detect(text);
    current.set(text, found);
    return found;
  }) as DetectFn & { nextRun: () => void };
  run.nextRun = () => {
    previous = current;
    current = new Map();
  };
  return run;
}
