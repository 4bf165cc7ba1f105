import { describe, expect, test } from '@jest/globals';
import { EditorState } from '@tiptap/pm/state';
import type { Decoration } from '@tiptap/pm/view';
import { detectionPlugin, detectionsKey, shownDetections, type DetectionOptions } from './DetectionExtension.js';
import { EMPTY_KEY_FILTER, keyFilterOf } from './detections.js';
import { doc, p, schema } from './testSchema.js';

const options: DetectionOptions = { enabled: true, names: [], filter: EMPTY_KEY_FILTER, describe: (kind) => `Possible identifying detail: ${kind}` };
const attrsOf = (d: Decoration) => (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs;

function stateWith(text: string, initial = options) {
  return EditorState.create({ doc: doc(p(text)), schema, plugins: [detectionPlugin(initial)] });
}

describe('the detection plugin', () => {
  test('highlights each detection with its kind, a test id and an accessible title', () => {
    const state = stateWith('Bel 0470 12 34 56 of mail naar iemand@example.be');
    const decorations = detectionsKey.getState(state)!.decorations.find();
    expect(decorations.map((d) => state.doc.textBetween(d.from, d.to))).toEqual(['0470 12 34 56', 'iemand@example.be']);
    expect(attrsOf(decorations[0])).toEqual({
      class: 'detection detection-phone',
      'data-testid': 'detection',
      'data-kind': 'phone',
      title: 'Possible identifying detail: phone',
    });
  });

  test('runs again as the author types', () => {
    let state = stateWith('Bel');
    expect(shownDetections(state)).toEqual([]);
    state = state.apply(state.tr.insertText(' 0470 12 34 56', state.doc.content.size - 1));
    expect(shownDetections(state).map((d) => d.kind)).toEqual(['phone']);
    const { from } = shownDetections(state)[0];
    state = state.apply(state.tr.insertText('[telefoon]', from, shownDetections(state)[0].to));
    expect(shownDetections(state)).toEqual([]);
  });

  test('new options apply at once: names looked for, dismissed keys, pseudonyms, off', () => {
    let state = stateWith('Gesprek met Ayla over haar werk.');
    const withName = { ...options, names: ['Ayla'] };
    state = state.apply(state.tr.setMeta(detectionsKey, withName));
    const found = shownDetections(state);
    expect(found.map((d) => [d.kind, d.text])).toEqual([['name', 'Ayla']]);

    const dismissed = { ...withName, filter: keyFilterOf({ pseudonyms: [], dismissed: [{ key: found[0].key, kind: 'name' }] }) };
    state = state.apply(state.tr.setMeta(detectionsKey, dismissed));
    expect(shownDetections(state)).toEqual([]);

    state = state.apply(state.tr.setMeta(detectionsKey, { ...withName, enabled: false }));
    expect(shownDetections(state)).toEqual([]);
    expect(detectionsKey.getState(state)!.decorations.find()).toEqual([]);
  });

  test('a pseudonym in the text is not highlighted', () => {
    const filter = keyFilterOf({ pseudonyms: [{ key: 'name:0', kind: 'name', real: 'Ayla', pseudonym: 'Persoon A' }], dismissed: [] });
    const state = stateWith('Persoon A woont in Brussel.', { ...options, filter });
    expect(shownDetections(state).map((d) => d.text)).not.toContain('Persoon A');
  });
});
