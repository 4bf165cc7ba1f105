import Collaboration from '@tiptap/extension-collaboration';
import { EditorContent, useEditor, type Extensions } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import type * as Y from 'yjs';

interface Props {
  doc: Y.Doc;
  field: string;
  label: string;
  testId: string;
  /**
   * Extensions for what the document may hold beyond StarterKit (e.g. comment marks). Needed: content the schema does
   * not know cannot be shown.
   */
  extensions?: Extensions;
}

/** A Yjs document shown as read-only rich text, with no connection (e.g. a saved version). */
export function ReadOnlyDocView({ doc, field, label, testId, extensions }: Props) {
  const editor = useEditor(
    {
      extensions: [StarterKit.configure({ undoRedo: false }), Collaboration.configure({ document: doc, field }), ...(extensions ?? [])],
      editable: false,
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-readonly': 'true',
          'aria-label': label,
          'data-testid': testId,
          class: 'editor-content',
        },
      },
    },
    [doc],
  );
  return (
    <div className="editor editor-readonly">
      <EditorContent editor={editor} />
    </div>
  );
}
