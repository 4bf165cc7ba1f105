/**
 * The text range a new comment is about, kept while its author writes the comment. Others may edit the document
 * meanwhile (and a remote change replaces the whole ProseMirror document), so the range is kept as Yjs relative
 * positions, which follow the text they point at.
 */
import type { Editor } from '@tiptap/react';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { quoteOf } from './threads.js';

interface SyncState {
  type: Y.XmlFragment;
  doc: Y.Doc;
  binding: { mapping: Parameters<typeof absolutePositionToRelativePosition>[2] };
}

export interface PendingRange {
  quote: string;
  from: number;
  to: number;
  relative: { from: Y.RelativePosition; to: Y.RelativePosition } | null;
}

function syncState(editor: Editor): SyncState | null {
  const state = ySyncPluginKey.getState(editor.state) as SyncState | undefined;
  return state?.binding && state.type ? state : null;
}

/** The current selection of the editor as a range to comment on, or null when nothing is selected. */
export function captureRange(editor: Editor): PendingRange | null {
  const { from, to, empty } = editor.state.selection;
  if (empty) return null;
  const quote = quoteOf(editor.state.doc.textBetween(from, to, ' ', ' '));
  if (quote === '') return null;
  const sync = syncState(editor);
  const relative = sync
    ? {
        from: absolutePositionToRelativePosition(from, sync.type, sync.binding.mapping) as Y.RelativePosition,
        to: absolutePositionToRelativePosition(to, sync.type, sync.binding.mapping) as Y.RelativePosition,
      }
    : null;
  return { quote, from, to, relative };
}

/** Where the range is now, or null when its text was removed. */
export function resolveRange(editor: Editor, range: PendingRange): { from: number; to: number } | null {
  const sync = syncState(editor);
  let from = range.from;
  let to = range.to;
  if (range.relative && sync) {
    const a = relativePositionToAbsolutePosition(sync.doc, sync.type, range.relative.from, sync.binding.mapping);
    const b = relativePositionToAbsolutePosition(sync.doc, sync.type, range.relative.to, sync.binding.mapping);
    if (a === null || b === null) return null;
    from = a;
    to = b;
  }
  const size = editor.state.doc.content.size;
  if (from < 0 || to > size || to <= from) return null;
  return editor.state.doc.textBetween(from, to, ' ', ' ').trim() === '' ? null : { from, to };
}
