import { useEffect, useRef, type ReactNode } from 'react';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor, type Editor, type Extensions } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import type * as Y from 'yjs';
import type { CollabProvider } from '../collab/CollabProvider.js';
import { renderCaret } from './caretColors.js';
import { EditorToolbar } from './EditorToolbar.js';
import { PasteGuard } from './pasteGuard.js';

interface Props {
  doc: Y.Doc;
  provider: CollabProvider;
  /** Name of the Yjs XmlFragment holding the text. */
  field: string;
  /** Name and colour shown on this user's caret to the others (the server's, once joined). */
  user: { name: string; color: string };
  editable: boolean;
  /** Accessible name of the text area. */
  label: string;
  testId: string;
  /** More Tiptap extensions (marks, decorations…); read when the editor is created, i.e. once per doc and provider. */
  extensions?: Extensions;
  /** Extra buttons at the end of the toolbar (shown when editable). */
  toolbarExtra?: (editor: Editor) => ReactNode;
  /** Pastes longer than this many characters are refused (not inserted) and reported with `onPasteRefused`. */
  maxPasteChars?: number;
  onPasteRefused?: (length: number) => void;
  /** Called with the editor once created (and again for a new one); may return a cleanup. */
  onEditor?: (editor: Editor) => void | (() => void);
  /** id of an element describing the text area (e.g. who may read it). */
  describedBy?: string;
}

/** A rich-text editor bound live to a collaborative document, with the others' carets. */
export function CollabEditor({
  doc,
  provider,
  field,
  user,
  editable,
  label,
  testId,
  extensions,
  toolbarExtra,
  maxPasteChars,
  onPasteRefused,
  onEditor,
  describedBy,
}: Props) {
  // Callbacks are read through refs: the editor is created once per document, not per render.
  const pasteRefusedRef = useRef(onPasteRefused);
  pasteRefusedRef.current = onPasteRefused;
  const onEditorRef = useRef(onEditor);
  onEditorRef.current = onEditor;

  const editor = useEditor(
    {
      extensions: [
        // Undo/redo come from Collaboration: they only undo this user's own changes.
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ document: doc, field }),
        CollaborationCaret.configure({ provider, user, render: renderCaret }),
        ...(maxPasteChars ? [PasteGuard.configure({ maxChars: maxPasteChars, onRefused: (n) => pasteRefusedRef.current?.(n) })] : []),
        ...(extensions ?? []),
      ],
      editable,
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          'aria-readonly': String(!editable),
          'data-testid': testId,
          class: 'editor-content',
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        },
      },
    },
    [doc, provider],
  );

  useEffect(() => {
    if (editor.isEditable !== editable) editor.setEditable(editable);
    editor.view.dom.setAttribute('aria-readonly', String(!editable));
  }, [editor, editable]);

  useEffect(() => {
    editor.commands.updateUser({ name: user.name, color: user.color });
  }, [editor, user.name, user.color]);

  useEffect(() => {
    editor.view.dom.setAttribute('aria-label', label);
  }, [editor, label]);

  useEffect(() => onEditorRef.current?.(editor) ?? undefined, [editor]);

  return (
    <div className={editable ? 'editor' : 'editor editor-readonly'}>
      {editable ? <EditorToolbar editor={editor} extra={toolbarExtra?.(editor)} /> : null}
      <EditorContent editor={editor} />
    </div>
  );
}
