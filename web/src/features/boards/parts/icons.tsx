/** Small line icons of the board toolbar (decorative: every button has a text name). */
const paths: Record<string, string> = {
  select: 'M5 3l13 7.5-5.5 1.5-2.5 5.5z',
  sticky: 'M4 4h16v10l-6 6H4z M14 20v-6h6',
  text: 'M5 5h14 M12 5v14 M9 19h6',
  rect: 'M4 6h16v12H4z',
  ellipse: 'M12 6c4.4 0 8 2.7 8 6s-3.6 6-8 6-8-2.7-8-6 3.6-6 8-6z',
  frame: 'M7 3v18 M17 3v18 M3 7h18 M3 17h18',
  connector: 'M5 19L19 5 M12 5h7v7',
  draw: 'M4 20l4-1 11-11-3-3L5 16z M14 7l3 3',
  undo: 'M9 7H4V2 M4 7a8 8 0 1 1 2 9',
  redo: 'M15 7h5V2 M20 7a8 8 0 1 0-2 9',
  delete: 'M4 7h16 M9 7V4h6v3 M6 7l1 13h10l1-13',
  zoomIn: 'M11 4a7 7 0 1 1 0 14 7 7 0 0 1 0-14z M16 16l4 4 M11 8v6 M8 11h6',
  zoomOut: 'M11 4a7 7 0 1 1 0 14 7 7 0 0 1 0-14z M16 16l4 4 M8 11h6',
  fit: 'M4 9V4h5 M15 4h5v5 M20 15v5h-5 M9 20H4v-5',
  front: 'M8 8h12v12H8z M4 16V4h12',
  lock: 'M6 11h12v9H6z M8 11V8a4 4 0 0 1 8 0v3',
  download: 'M12 4v11 M7 10l5 5 5-5 M5 20h14',
};

export type IconName = keyof typeof paths;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
