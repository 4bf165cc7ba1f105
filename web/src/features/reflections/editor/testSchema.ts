/** A ProseMirror schema like the reflection editor's (StarterKit + comment mark), and a tiny document builder, for tests. */
import { getSchema } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import { CommentMark } from './CommentMark.js';

export const schema = getSchema([StarterKit.configure({ undoRedo: false }), CommentMark]);

type Inline = string | PMNode;

export const text = (value: string, marks: readonly Mark[] = []) => schema.text(value, marks);
export const bold = (value: string) => text(value, [schema.marks.bold.create()]);
export const comment = (value: string, threadId: string) => text(value, [schema.marks.comment.create({ threadId })]);
export const hardBreak = () => schema.nodes.hardBreak.create();

const inline = (content: Inline[]) => content.map((c) => (typeof c === 'string' ? schema.text(c) : c));
export const p = (...content: Inline[]) => schema.nodes.paragraph.create(null, inline(content));
export const h2 = (...content: Inline[]) => schema.nodes.heading.create({ level: 2 }, inline(content));
export const li = (...blocks: PMNode[]) => schema.nodes.listItem.create(null, blocks);
export const ul = (...items: PMNode[]) => schema.nodes.bulletList.create(null, items);
export const doc = (...blocks: PMNode[]) => schema.nodes.doc.create(null, blocks);
