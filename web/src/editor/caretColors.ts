/** Colours of the collaborators' carets: the server picks a user colour; the label text must stay legible on it. */

/** `#rrggbb` (or `#rgb`) to [r, g, b] in 0..255; null when it is not such a colour. */
export function parseHexColor(color: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return null;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG relative luminance. */
function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrastRatio(a: [number, number, number], b: [number, number, number]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const BLACK: [number, number, number] = [0, 0, 0];
const WHITE: [number, number, number] = [255, 255, 255];

/** Black or white (one of the two always reaches 4.5:1), whichever contrasts more with `background` (unknown colours get the app's primary). */
export function labelColors(background: string): { background: string; text: string } {
  const rgb = parseHexColor(background);
  if (!rgb) return { background: '#1d4f91', text: '#ffffff' };
  return { background, text: contrastRatio(rgb, BLACK) >= contrastRatio(rgb, WHITE) ? '#000000' : '#ffffff' };
}

/** The DOM of another person's caret: a coloured bar and a name label (presence is also listed as text). */
export function renderCaret(user: { name?: unknown; color?: unknown }): HTMLElement {
  const name = typeof user.name === 'string' && user.name ? user.name : '?';
  const colors = labelColors(typeof user.color === 'string' ? user.color : '');
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.style.borderColor = colors.background;
  // Screen readers would read the label as part of the text; presence is listed in words beside the editor.
  caret.setAttribute('aria-hidden', 'true');
  const label = document.createElement('span');
  label.className = 'collaboration-carets__label';
  label.style.backgroundColor = colors.background;
  label.style.color = colors.text;
  label.setAttribute('translate', 'no');
  label.textContent = name;
  caret.appendChild(label);
  return caret;
}
