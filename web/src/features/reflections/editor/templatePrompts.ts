/**
 * Shows the template's prompt ("What would you like the lab to think about?") in the empty paragraph under each
 * heading of a reflection, as a placeholder: a decoration of the view, never part of the text.
 */
import { Extension } from '@tiptap/react';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Language, ReflectionTemplate } from '@relab/shared';
import { normaliseText } from './detections.js';

/** Heading text (normalised) → prompt, in the reflection's language. */
export type PromptsByHeading = ReadonlyMap<string, string>;

export function promptsByHeading(template: ReflectionTemplate, language: Language): Map<string, string> {
  const map = new Map<string, string>();
  for (const section of template.sections) {
    const prompt = section.prompt[language]?.trim();
    if (prompt) map.set(normaliseText(section.heading[language]), prompt);
  }
  return map;
}

/** Placeholders for the empty top-level paragraphs that follow a heading of the template. */
export function promptDecorations(doc: PMNode, prompts: PromptsByHeading): DecorationSet {
  if (prompts.size === 0) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  let previous: PMNode | null = null;
  doc.forEach((node, offset) => {
    if (previous?.type.name === 'heading' && node.type.name === 'paragraph' && node.content.size === 0) {
      const prompt = prompts.get(normaliseText(previous.textContent));
      if (prompt) decorations.push(Decoration.node(offset, offset + node.nodeSize, { class: 'is-empty', 'data-placeholder': prompt }));
    }
    previous = node;
  });
  return DecorationSet.create(doc, decorations);
}

export const templatePromptsKey = new PluginKey('relabTemplatePrompts');

/** The extension reads the prompts from `source` (filled once the template is loaded) and shows them while editable. */
export function TemplatePrompts(source: { current: PromptsByHeading }) {
  return Extension.create({
    name: 'relabTemplatePrompts',
    addProseMirrorPlugins() {
      const editor = this.editor;
      return [
        new Plugin({
          key: templatePromptsKey,
          props: {
            decorations: (state) => (editor.isEditable ? promptDecorations(state.doc, source.current) : DecorationSet.empty),
          },
        }),
      ];
    },
  });
}
