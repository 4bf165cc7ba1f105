/**
 * Refuses pastes (and drops) of more text than a limit: the text is not inserted and the page says why.
 * A document of the collaboration core must stay small enough to be sent and checked in one message.
 */
import { Extension } from '@tiptap/react';
import type { Slice } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';

/** The pasted text's length: the longer of the clipboard's plain text and the text of what would be inserted. */
export function pastedLength(plainText: string | null | undefined, slice: Pick<Slice, 'content'> | null): number {
  const plain = plainText?.length ?? 0;
  const sliced = slice ? slice.content.textBetween(0, slice.content.size, '\n', '\n').length : 0;
  return Math.max(plain, sliced);
}

/** Whether a paste of `length` characters is refused under a limit of `maxChars` (no limit when not positive). */
export function isPasteRefused(length: number, maxChars: number): boolean {
  return maxChars > 0 && length > maxChars;
}

export interface PasteGuardOptions {
  maxChars: number;
  /** Called with the refused length; the paste is not inserted. */
  onRefused: (length: number) => void;
}

export const pasteGuardKey = new PluginKey('relabPasteGuard');

export const PasteGuard = Extension.create<PasteGuardOptions>({
  name: 'relabPasteGuard',
  addOptions() {
    return { maxChars: 0, onRefused: () => undefined };
  },
  addProseMirrorPlugins() {
    const { maxChars, onRefused } = this.options;
    const guard = (plain: string | undefined, slice: Slice): boolean => {
      const length = pastedLength(plain, slice);
      if (!isPasteRefused(length, maxChars)) return false;
      onRefused(length);
      return true;
    };
    return [
      new Plugin({
        key: pasteGuardKey,
        props: {
          handlePaste: (_view, event, slice) => guard(event.clipboardData?.getData('text/plain'), slice),
          // Moving text inside the document adds nothing: only drops from elsewhere are checked.
          handleDrop: (_view, event, slice, moved) => !moved && guard((event as DragEvent).dataTransfer?.getData('text/plain'), slice),
        },
      }),
    ];
  },
});
