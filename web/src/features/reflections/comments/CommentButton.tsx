import { useEditorState, type Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { captureRange, type PendingRange } from './anchor.js';

interface Props {
  editor: Editor;
  /** The chosen text, or null when nothing is selected (the panel then says to select text first). */
  onComment: (range: PendingRange | null) => void;
}

/** "Comment" in the editor's toolbar: comments on the selected text. Stays focusable without a selection. */
export function CommentButton({ editor, onComment }: Props) {
  const { t } = useTranslation();
  const hasSelection = useEditorState({ editor, selector: ({ editor: e }) => !e.state.selection.empty });
  return (
    <button
      type="button"
      className="tool tool-text"
      data-testid="comment-add"
      aria-disabled={!hasSelection}
      title={hasSelection ? t('reflections.comments.addHint') : t('reflections.comments.selectFirst')}
      // Keep the editor's selection while the button is pressed.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => onComment(captureRange(editor))}
    >
      {t('reflections.comments.add')}
    </button>
  );
}
