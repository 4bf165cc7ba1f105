/**
 * Highlights identifying details (names, national numbers, phone numbers…) while the author writes a draft.
 *
 * A ProseMirror plugin runs the detector of @relab/shared over every textblock whenever the document changes (only
 * the changed blocks are analysed again, see `cachedDetector`) and decorates each detection. The decorations live in
 * the view only: nothing of this reaches the shared document, the awareness or the server.
 */
import { Extension, type Editor } from '@tiptap/react';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { detectIdentifiers, type DetectionKind } from '@relab/shared';
import { EMPTY_KEY_FILTER, cachedDetector, findDetections, isShown, type KeyFilter, type LocatedDetection } from './detections.js';

export interface DetectionOptions {
  enabled: boolean;
  /** Names the author asked RELAB to look for (from the author's key; never stored in the document). */
  names: readonly string[];
  filter: KeyFilter;
  /** Accessible name of a highlight, e.g. "Possible identifying detail: phone number". */
  describe: (kind: DetectionKind) => string;
}

export const DISABLED_DETECTIONS: DetectionOptions = { enabled: false, names: [], filter: EMPTY_KEY_FILTER, describe: (kind) => kind };

interface DetectionState {
  options: DetectionOptions;
  detect: ReturnType<typeof cachedDetector>;
  /** The detections still to resolve (dismissed keys and pseudonyms left out), in document order. */
  shown: LocatedDetection[];
  decorations: DecorationSet;
}

export const detectionsKey = new PluginKey<DetectionState>('relabDetections');

function detectorFor(names: readonly string[]) {
  const options = names.length > 0 ? { names } : undefined;
  return cachedDetector((text) => detectIdentifiers(text, options));
}

function compute(doc: PMNode, options: DetectionOptions, detect: DetectionState['detect']): Pick<DetectionState, 'shown' | 'decorations'> {
  if (!options.enabled) return { shown: [], decorations: DecorationSet.empty };
  detect.nextRun();
  const shown = findDetections(doc, detect).filter((d) => isShown(d, options.filter));
  const decorations = DecorationSet.create(
    doc,
    shown.map((d) =>
      Decoration.inline(
        d.from,
        d.to,
        {
          class: `detection detection-${d.kind}`,
          'data-testid': 'detection',
          'data-kind': d.kind,
          title: options.describe(d.kind),
        },
        // Typing right after a detection should not stretch its highlight until the plugin runs again.
        { inclusiveStart: false, inclusiveEnd: false },
      ),
    ),
  );
  return { shown, decorations };
}

const sameNames = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((n, i) => n === b[i]);

export function detectionPlugin(initial: DetectionOptions): Plugin<DetectionState> {
  return new Plugin<DetectionState>({
    key: detectionsKey,
    state: {
      init: (_, state) => {
        const detect = detectorFor(initial.names);
        return { options: initial, detect, ...compute(state.doc, initial, detect) };
      },
      apply: (tr, previous, _old, state) => {
        const next = tr.getMeta(detectionsKey) as DetectionOptions | undefined;
        if (next) {
          const detect = sameNames(next.names, previous.options.names) ? previous.detect : detectorFor(next.names);
          return { options: next, detect, ...compute(state.doc, next, detect) };
        }
        if (!tr.docChanged) return previous;
        return { ...previous, ...compute(state.doc, previous.options, previous.detect) };
      },
    },
    props: {
      decorations: (state) => detectionsKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
  });
}

/** The detections still shown in an editor's document, in document order. */
export function shownDetections(state: EditorState): LocatedDetection[] {
  return detectionsKey.getState(state)?.shown ?? [];
}

/** Applies new options (names, key, enabled) to an editor: the detections are computed again at once. */
export function setDetectionOptions(editor: Editor, options: DetectionOptions): void {
  if (editor.isDestroyed) return;
  editor.view.dispatch(editor.state.tr.setMeta(detectionsKey, options).setMeta('addToHistory', false));
}

/** The Tiptap extension; options are changed later with `setDetectionOptions`. */
export const Detections = Extension.create<{ initial: DetectionOptions }>({
  name: 'relabDetections',
  addOptions() {
    return { initial: DISABLED_DETECTIONS };
  },
  addProseMirrorPlugins() {
    return [detectionPlugin(this.options.initial)];
  },
});
