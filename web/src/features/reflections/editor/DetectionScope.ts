import type { Editor } from '@tiptap/react';
import { DISABLED_DETECTIONS, setDetectionOptions, shownDetections, type DetectionOptions } from './DetectionExtension.js';
import { replaceKeyTransaction, type LocatedDetection } from './detections.js';

/**
 * The detections of one editor of the scope (the main text, or a restricted section). Their positions may be those of
 * an earlier state (typing elsewhere does not publish a new list): read positions from the editor itself.
 */
export interface EditorDetections {
  id: string;
  detections: readonly LocatedDetection[];
}

/**
 * The editors of one reflection whose detections are shown together (the main text and its restricted sections):
 * one set of options for all of them, one list for the panel (a React external store), and "replace" in each.
 */
export class DetectionScope {
  private readonly editors = new Map<string, Editor>();
  private readonly seen = new Map<string, readonly LocatedDetection[]>();
  private readonly signatures = new Map<string, string>();
  private readonly listeners = new Set<() => void>();
  private snapshot: readonly EditorDetections[] = [];
  private options: DetectionOptions = DISABLED_DETECTIONS;

  /** Adds an editor (with the Detections extension); returns the function that removes it. */
  add(id: string, editor: Editor): () => void {
    this.editors.set(id, editor);
    const onTransaction = () => this.refresh(id, editor);
    editor.on('transaction', onTransaction);
    setDetectionOptions(editor, this.options);
    this.refresh(id, editor);
    return () => {
      editor.off('transaction', onTransaction);
      if (this.editors.get(id) === editor) {
        this.editors.delete(id);
        this.seen.delete(id);
        this.signatures.delete(id);
        this.publish();
      }
    };
  }

  setOptions(options: DetectionOptions): void {
    this.options = options;
    this.editors.forEach((editor) => setDetectionOptions(editor, options));
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): readonly EditorDetections[] => this.snapshot;

  /**
   * Replaces every occurrence of `key` by `replacement` in every editor of the scope (one transaction per editor).
   * Returns how many editors changed.
   */
  replace(key: string, replacement: string): number {
    let changed = 0;
    this.editors.forEach((editor) => {
      if (editor.isDestroyed || !editor.isEditable) return;
      const tr = replaceKeyTransaction(editor.state, shownDetections(editor.state), key, replacement);
      if (!tr) return;
      editor.view.dispatch(tr);
      changed += 1;
    });
    return changed;
  }

  private refresh(id: string, editor: Editor): void {
    if (editor.isDestroyed) return;
    const detections = shownDetections(editor.state);
    if (this.seen.get(id) === detections) return;
    this.seen.set(id, detections);
    // Typing moves positions without changing what the panel shows: only a change of the details themselves counts.
    const signature = detections.map((d) => `${d.kind}\u0000${d.key}\u0000${d.text}`).join('\u0001');
    if (this.signatures.get(id) === signature && this.snapshot.some((e) => e.id === id)) return;
    this.signatures.set(id, signature);
    this.publish();
  }

  private publish(): void {
    this.snapshot = [...this.seen].map(([id, detections]) => ({ id, detections }));
    this.listeners.forEach((listener) => listener());
  }
}
