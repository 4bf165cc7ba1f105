import { describe, expect, jest, test } from '@jest/globals';
import { EditorState } from '@tiptap/pm/state';
import { detectIdentifiers, type Detection, type DetectionKind } from '@relab/shared';
import {
  cachedDetector,
  findDetections,
  groupByKey,
  isShown,
  keyFilterOf,
  replaceKeyInText,
  replaceKeyTransaction,
  textblockText,
  type DetectFn,
} from './detections.js';
import { bold, doc, h2, hardBreak, li, p, schema, ul } from './testSchema.js';

/** A detector for tests: every listed word, keyed by kind and lower-case text. */
function fakeDetector(words: Record<string, DetectionKind>): DetectFn {
  return (input) => {
    const out: Detection[] = [];
    for (const [word, kind] of Object.entries(words)) {
      for (let at = input.indexOf(word); at >= 0; at = input.indexOf(word, at + word.length)) {
        out.push({ kind, start: at, end: at + word.length, text: word, key: `${kind}:${word.toLowerCase()}`, confidence: 'certain' });
      }
    }
    return out.sort((a, b) => a.start - b.start);
  };
}

describe('textblock offsets ↔ document positions', () => {
  test('a hard break counts as one line break, so offsets stay aligned with positions', () => {
    const block = p('Jan', hardBreak(), 'Piet');
    expect(textblockText(block)).toBe('Jan\nPiet');
    expect(textblockText(block).length).toBe(block.content.size);
  });

  test('every detection covers exactly its text in the document, in headings, paragraphs and list items', () => {
    const d = doc(h2('Over Jan'), p('Eerst ', bold('Jan'), ', dan Piet.'), ul(li(p('Piet', hardBreak(), 'en Jan'))));
    const found = findDetections(d, fakeDetector({ Jan: 'name', Piet: 'name' }));
    expect(found.map((x) => x.text)).toEqual(['Jan', 'Jan', 'Piet', 'Piet', 'Jan']);
    for (const x of found) expect(d.textBetween(x.from, x.to)).toBe(x.text);
    // in document order
    expect(found.map((x) => x.from)).toEqual([...found.map((x) => x.from)].sort((a, b) => a - b));
  });

  test('offsets outside the block are ignored', () => {
    const d = doc(p('abc'));
    const broken: DetectFn = () => [{ kind: 'name', start: 1, end: 10, text: 'x', key: 'name:x', confidence: 'likely' }];
    expect(findDetections(d, broken)).toEqual([]);
  });

  test('the real detectors find the name, national number and phone of the scenario at the right places', () => {
    const d = doc(h2('Context'), p('Yasmina El Amrani, 85.07.30-033.28, 0470 12 34 56'));
    const found = findDetections(d, (t) => detectIdentifiers(t, { names: ['Yasmina El Amrani'] }));
    expect(found.map((x) => x.kind)).toEqual(['name', 'national_number', 'phone']);
    expect(found.map((x) => d.textBetween(x.from, x.to))).toEqual(['Yasmina El Amrani', '85.07.30-033.28', '0470 12 34 56']);
  });
});

describe('what is shown', () => {
  const key = {
    names: [],
    pseudonyms: [{ key: 'name:0', kind: 'name' as const, real: 'Yasmina El Amrani', pseudonym: 'Persoon A' }],
    dismissed: [{ key: 'municipality:molenbeek', kind: 'municipality' as const }],
  };
  const filter = keyFilterOf(key);

  test('details marked "not identifying" are not shown', () => {
    expect(isShown({ key: 'municipality:molenbeek', text: 'Molenbeek' }, filter)).toBe(false);
  });
  test('a pseudonym given already is not itself a detail, whatever its case or spacing', () => {
    expect(isShown({ key: 'name:persoon a', text: 'persoon  A' }, filter)).toBe(false);
  });
  test('a real detail typed again is shown again, even when its key has a pseudonym', () => {
    expect(isShown({ key: 'name:0', text: 'Yasmina El Amrani' }, filter)).toBe(true);
  });
  test('without a key everything is shown', () => {
    expect(isShown({ key: 'phone:0470', text: '0470' }, keyFilterOf(null))).toBe(true);
  });
});

describe('grouping by key', () => {
  test('one group per key in order of appearance, with every spelling, the count and the best confidence', () => {
    const groups = groupByKey([
      { key: 'name:0', kind: 'name', text: 'Yasmina', confidence: 'likely' },
      { key: 'phone:0470123456', kind: 'phone', text: '0470 12 34 56', confidence: 'certain' },
      { key: 'name:0', kind: 'name', text: 'Yasmina El Amrani', confidence: 'certain' },
      { key: 'name:0', kind: 'name', text: 'Yasmina', confidence: 'likely' },
    ]);
    expect(groups).toEqual([
      { key: 'name:0', kind: 'name', texts: ['Yasmina', 'Yasmina El Amrani'], count: 3, confidence: 'certain' },
      { key: 'phone:0470123456', kind: 'phone', texts: ['0470 12 34 56'], count: 1, confidence: 'certain' },
    ]);
  });
  test('nothing found, no groups', () => {
    expect(groupByKey([])).toEqual([]);
  });
});

describe('replacing every occurrence of a key', () => {
  const detect = fakeDetector({ 'Jan Peeters': 'name', '0470 12 34 56': 'phone' });

  test('one transaction replaces all occurrences in every block, keeps marks and leaves other keys alone', () => {
    const start = doc(p('Jan Peeters belt ', bold('Jan Peeters'), '.'), ul(li(p('Nummer: 0470 12 34 56, van Jan Peeters'))));
    const state = EditorState.create({ doc: start, schema });
    const tr = replaceKeyTransaction(state, findDetections(state.doc, detect), 'name:jan peeters', 'Persoon A');
    expect(tr).not.toBeNull();
    const next = state.apply(tr!);
    expect(next.doc.textContent).toBe('Persoon A belt Persoon A.Nummer: 0470 12 34 56, van Persoon A');
    // the bold occurrence stays bold
    const boldText: string[] = [];
    next.doc.descendants((n) => {
      if (n.isText && n.marks.some((m) => m.type.name === 'bold')) boldText.push(n.text ?? '');
    });
    expect(boldText).toEqual(['Persoon A']);
    // the real name is gone from the document
    expect(findDetections(next.doc, detect).filter((d) => d.key === 'name:jan peeters')).toEqual([]);
    expect(tr!.steps.length).toBe(3);
  });

  test('a replacement of another length keeps the remaining positions valid (it works from the end)', () => {
    const state = EditorState.create({ doc: doc(p('0470 12 34 56 en 0470 12 34 56')), schema });
    const tr = replaceKeyTransaction(state, findDetections(state.doc, detect), 'phone:0470 12 34 56', '[telefoon]');
    expect(state.apply(tr!).doc.textContent).toBe('[telefoon] en [telefoon]');
  });

  test('null when the key does not occur', () => {
    const state = EditorState.create({ doc: doc(p('niets')), schema });
    expect(replaceKeyTransaction(state, findDetections(state.doc, detect), 'name:jan peeters', 'Persoon A')).toBeNull();
  });

  test('in a plain text (the title)', () => {
    const title = 'Jan Peeters en de woning van Jan Peeters';
    const found = detect(title);
    expect(replaceKeyInText(title, found, 'name:jan peeters', 'Persoon A')).toBe('Persoon A en de woning van Persoon A');
    expect(replaceKeyInText(title, found, 'phone:x', 'y')).toBe(title);
  });
});

describe('cachedDetector', () => {
  test('analyses a paragraph again only when its text changed', () => {
    const inner = jest.fn<DetectFn>(() => []);
    const detect = cachedDetector(inner);
    detect.nextRun();
    detect('a');
    detect('b');
    detect.nextRun();
    detect('a');
    detect('b changed');
    expect(inner.mock.calls.map((c) => c[0])).toEqual(['a', 'b', 'b changed']);
    // texts of older runs are forgotten
    detect.nextRun();
    detect.nextRun();
    detect('b');
    expect(inner).toHaveBeenCalledTimes(4);
  });
});
