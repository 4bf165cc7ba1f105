import type { ReactNode } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';

/** Drawn icons: a visible "1." would have to be part of the button's accessible name. */
function OrderedListIcon() {
  return (
    <svg viewBox="0 0 20 20" width="20" height="20" focusable="false">
      <path d="M3 3.5l1.5-1v5M2.5 7.5h3M2.5 11h2.5l-2.5 4h3" fill="none" stroke="currentColor" strokeWidth="1.4" />
      <path d="M8 5h10M8 13h10" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

function BulletListIcon() {
  return (
    <svg viewBox="0 0 20 20" width="20" height="20" focusable="false">
      <circle cx="4" cy="5" r="1.8" fill="currentColor" />
      <circle cx="4" cy="13" r="1.8" fill="currentColor" />
      <path d="M8 5h10M8 13h10" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

/** Formatting buttons for touch and mouse (the usual keyboard shortcuts work too), and `extra` ones after them. */
export function EditorToolbar({ editor, extra }: { editor: Editor; extra?: ReactNode }) {
  const { t } = useTranslation();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      heading: e.isActive('heading', { level: 2 }),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });

  const toggles = [
    { key: 'bold', label: t('editor.bold'), icon: 'B', active: state.bold, run: () => editor.chain().focus().toggleBold().run(), className: 'tool-bold' },
    { key: 'italic', label: t('editor.italic'), icon: 'I', active: state.italic, run: () => editor.chain().focus().toggleItalic().run(), className: 'tool-italic' },
    { key: 'heading', label: t('editor.heading'), icon: 'H', active: state.heading, run: () => editor.chain().focus().toggleHeading({ level: 2 }).run() },
    { key: 'bulletList', label: t('editor.bulletList'), icon: <BulletListIcon />, active: state.bulletList, run: () => editor.chain().focus().toggleBulletList().run() },
    { key: 'orderedList', label: t('editor.orderedList'), icon: <OrderedListIcon />, active: state.orderedList, run: () => editor.chain().focus().toggleOrderedList().run() },
  ];

  return (
    <div className="editor-toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
      {toggles.map((b) => (
        <button
          key={b.key}
          type="button"
          className={`tool ${b.className ?? ''}`}
          aria-pressed={b.active}
          aria-label={b.label}
          title={b.label}
          onClick={b.run}
        >
          <span aria-hidden="true">{b.icon}</span>
        </button>
      ))}
      <span className="tool-separator" aria-hidden="true" />
      <button type="button" className="tool" aria-label={t('editor.undo')} title={t('editor.undo')} disabled={!state.canUndo} onClick={() => editor.chain().focus().undo().run()}>
        <span aria-hidden="true">↶</span>
      </button>
      <button type="button" className="tool" aria-label={t('editor.redo')} title={t('editor.redo')} disabled={!state.canRedo} onClick={() => editor.chain().focus().redo().run()}>
        <span aria-hidden="true">↷</span>
      </button>
      {extra ? (
        <>
          <span className="tool-separator" aria-hidden="true" />
          {extra}
        </>
      ) : null}
    </div>
  );
}
