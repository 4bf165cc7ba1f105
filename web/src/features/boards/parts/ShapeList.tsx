/**
 * The shapes of the board as a list of buttons: hidden from sight until it holds the focus, so keyboard and
 * screen-reader users can find, select, move and delete shapes (the canvas itself is a picture). Its data-*
 * attributes also let tests read the board.
 */
import { memo, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Shape } from '@relab/shared';
import type { ShapesSnapshot } from '../model/BoardModel.js';
import { textOf } from '../canvas/TextEditorOverlay.js';

interface Props {
  snapshot: ShapesSnapshot;
  selection: ReadonlySet<string>;
  authorName: (userId: string) => string;
  results: Readonly<Record<string, number>> | null;
  myDots: ReadonlyMap<string, number>;
  /** Enter or click on an item (shift: add to the selection). */
  onActivate: (id: string, shift: boolean) => void;
  onKeyCommand: (id: string, e: KeyboardEvent<HTMLButtonElement>) => void;
  /** The heading, focused when the focused item is deleted. */
  titleRef?: RefObject<HTMLHeadingElement | null>;
}

interface ItemProps {
  shape: Shape;
  selected: boolean;
  author: string;
  /** "from" and "to" texts of a connector. */
  ends: [string, string] | null;
  votes: number | null;
  mine: number;
  onActivate: (id: string, shift: boolean) => void;
  onKeyCommand: (id: string, e: KeyboardEvent<HTMLButtonElement>) => void;
}

const endText = (byId: ReadonlyMap<string, Shape>, id: string) => {
  const s = byId.get(id);
  return s ? textOf(s) : '';
};

const quote = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

const ShapeItem = memo(function ShapeItem({ shape, selected, author, ends, votes, mine, onActivate, onKeyCommand }: ItemProps) {
  const { t } = useTranslation();
  const text = textOf(shape);
  const what =
    shape.type === 'connector' && ends
      ? t('boards.list.connector', { from: quote(ends[0]) || t('boards.list.untitled'), to: quote(ends[1]) || t('boards.list.untitled') })
      : t(`boards.types.${shape.type}`);
  return (
    <li
      data-testid="board-shape-item"
      data-shape-id={shape.id}
      data-type={shape.type}
      data-x={Math.round(shape.x)}
      data-y={Math.round(shape.y)}
      data-w={'w' in shape ? Math.round(shape.w) : undefined}
      data-h={'h' in shape ? Math.round(shape.h) : undefined}
      data-color={'color' in shape ? shape.color : undefined}
      data-text={text}
      data-author={author}
      data-author-id={shape.authorId}
      data-locked={shape.locked}
      data-frame-id={shape.frameId ?? undefined}
      data-from={shape.type === 'connector' ? shape.from : undefined}
      data-to={shape.type === 'connector' ? shape.to : undefined}
      data-selected={selected}
      data-votes={votes ?? undefined}
      data-my-votes={mine || undefined}
    >
      <button
        type="button"
        aria-pressed={selected}
        onClick={(e) => onActivate(shape.id, e.shiftKey)}
        onKeyDown={(e) => onKeyCommand(shape.id, e)}
      >
        <span className="board-shape-what">{what}</span>
        {shape.type !== 'connector' && text ? <span className="board-shape-text">: {quote(text)}</span> : null}
        <span className="board-shape-meta">
          {' '}
          ({t('boards.list.by', { name: author })}
          {shape.locked ? `, ${t('boards.list.locked')}` : ''}
          {votes !== null ? `, ${t('boards.list.votes', { count: votes })}` : ''}
          {mine > 0 ? `, ${t('boards.list.myVotes', { count: mine })}` : ''})
        </span>
      </button>
    </li>
  );
});

export const ShapeList = memo(function ShapeList({ snapshot, selection, authorName, results, myDots, onActivate, onKeyCommand, titleRef }: Props) {
  const { t } = useTranslation();
  const { ordered, byId } = snapshot;
  return (
    <section className="board-shape-list" aria-labelledby="board-shape-list-title">
      <h2 id="board-shape-list-title" className="h3" ref={titleRef} tabIndex={-1}>
        {t('boards.list.title', { count: ordered.length })}
      </h2>
      <p className="hint">{t('boards.list.help')}</p>
      <ul data-testid="board-shape-list">
        {ordered.map((s) => (
          <ShapeItem
            key={s.id}
            shape={s}
            selected={selection.has(s.id)}
            author={authorName(s.authorId)}
            ends={s.type === 'connector' ? [endText(byId, s.from), endText(byId, s.to)] : null}
            votes={results ? (results[s.id] ?? 0) : null}
            mine={myDots.get(s.id) ?? 0}
            onActivate={onActivate}
            onKeyCommand={onKeyCommand}
          />
        ))}
      </ul>
    </section>
  );
});
