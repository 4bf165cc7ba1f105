import { useEditorState, type Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { REFLECTION_LIMITS } from '@relab/shared';

/** Shown from this share of the maximum length on. */
const WARN_FROM = 0.8;

/** A warning when the text nears the longest a reflection may be (the server refuses more). */
export function DocumentSize({ editor, max = REFLECTION_LIMITS.maxDocumentChars }: { editor: Editor; max?: number }) {
  const { t, i18n } = useTranslation();
  const length = useEditorState({ editor, selector: ({ editor: e }) => e.state.doc.textContent.length });
  if (length < max * WARN_FROM) return null;
  const format = (n: number) => n.toLocaleString(i18n.language);
  return (
    <p className={length > max ? 'alert alert-error' : 'alert alert-warning'} role="status" data-testid="document-size-warning">
      {t(length > max ? 'reflections.sizeOver' : 'reflections.sizeNear', { length: format(length), max: format(max) })}
    </p>
  );
}
