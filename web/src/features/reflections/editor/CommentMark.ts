/**
 * The `comment` mark: the commented text of a thread carries it with the thread's id. The mark itself is drawn
 * without colour; a small plugin highlights the anchors of open threads (resolved ones are shown as plain text) and
 * the thread chosen in the panel.
 */
import { Mark, mergeAttributes, type Editor } from '@tiptap/react';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { COMMENT_MARK } from '../comments/threads.js';

interface HighlightState {
  resolved: ReadonlySet<string>;
  active: string | null;
  decorations: DecorationSet;
}

interface HighlightMeta {
  resolved?: ReadonlySet<string>;
  active?: string | null;
}

export const commentHighlightKey = new PluginKey<HighlightState>('relabCommentHighlight');

function highlight(doc: PMNode, resolved: ReadonlySet<string>, active: string | null): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    const ids = node.marks
      .filter((m) => m.type.name === COMMENT_MARK && typeof m.attrs.threadId === 'string')
      .map((m) => m.attrs.threadId as string);
    const open = ids.filter((id) => !resolved.has(id));
    if (open.length > 0 || (active && ids.includes(active))) {
      const classes = [open.length > 0 ? 'comment-open' : '', active && ids.includes(active) ? 'comment-active' : ''].filter(Boolean);
      decorations.push(Decoration.inline(pos, pos + node.nodeSize, { class: classes.join(' ') }));
    }
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

export const commentHighlightPlugin = () =>
  new Plugin<HighlightState>({
    key: commentHighlightKey,
    state: {
      init: (_, state) => ({ resolved: new Set(), active: null, decorations: highlight(state.doc, new Set(), null) }),
      apply: (tr, previous, _old, state) => {
        const meta = tr.getMeta(commentHighlightKey) as HighlightMeta | undefined;
        if (!meta && !tr.docChanged) return previous;
        const resolved = meta?.resolved ?? previous.resolved;
        const active = meta && 'active' in meta ? (meta.active ?? null) : previous.active;
        return { resolved, active, decorations: highlight(state.doc, resolved, active) };
      },
    },
    props: {
      decorations: (state) => commentHighlightKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
  });

/** Tells the editor which threads are resolved (no highlight) and which one is chosen in the panel. */
export function setCommentHighlight(editor: Editor, meta: HighlightMeta): void {
  if (editor.isDestroyed) return;
  editor.view.dispatch(editor.state.tr.setMeta(commentHighlightKey, meta).setMeta('addToHistory', false));
}

export const CommentMark = Mark.create({
  name: COMMENT_MARK,
  // Typing at the end of a commented text does not extend the comment.
  inclusive: false,
  // Comments may overlap: the same text can belong to several threads.
  excludes: '',
  addAttributes() {
    return {
      threadId: {
        default: null,
        renderHTML: (attributes: { threadId?: unknown }) =>
          typeof attributes.threadId === 'string' ? { 'data-thread-id': attributes.threadId } : {},
      },
    };
  },
  // No parse rules: pasted HTML never creates (or copies) a comment anchor.
  parseHTML() {
    return [];
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes({ class: 'comment-anchor' }, HTMLAttributes), 0];
  },
  addProseMirrorPlugins() {
    return [commentHighlightPlugin()];
  },
});
