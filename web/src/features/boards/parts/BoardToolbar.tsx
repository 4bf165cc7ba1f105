import { useTranslation } from 'react-i18next';
import { COLOR_HEX, SHAPE_COLORS, type ShapeColor } from '@relab/shared';
import { TOOLS, type Tool } from '../canvas/BoardCanvas.js';
import { Icon } from './icons.js';

interface Props {
  tool: Tool;
  /** `byKeyboard`: chosen with Enter or Space (a shape tool then adds its shape in the middle of the view). */
  onTool: (tool: Tool, byKeyboard: boolean) => void;
  color: ShapeColor;
  onColor: (color: ShapeColor) => void;
  /** Editing tools are shown only to those who may change the board now. */
  canEdit: boolean;
  canUndo: boolean;
  canRedo: boolean;
  hasSelection: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onDelete: () => void;
  onFront: () => void;
  onZoomIn: () => void;
  onZoomOut: () => void;
  onZoomReset: () => void;
  onExportPng: () => void;
  onExportSvg: () => void;
}

/** Tools, colours, undo/redo/delete, zoom and export. Wraps on narrow screens. */
export function BoardToolbar(props: Props) {
  const { t } = useTranslation();
  const { tool, canEdit } = props;
  const button = (testId: string, label: string, icon: Parameters<typeof Icon>[0]['name'], onClick: () => void, disabled = false) => (
    <button type="button" className="tool board-tool" data-testid={testId} aria-label={label} title={label} onClick={onClick} disabled={disabled}>
      <Icon name={icon} />
    </button>
  );
  return (
    <div className="board-toolbar" role="toolbar" aria-label={t('boards.toolbar.label')}>
      {canEdit ? (
        <div className="board-tool-group" role="group" aria-label={t('boards.toolbar.tools')}>
          {TOOLS.map((name) => (
            <button
              key={name}
              type="button"
              className="tool board-tool"
              data-testid={`tool-${name}`}
              aria-pressed={tool === name}
              title={t(`boards.tools.${name}`)}
              onClick={(e) => props.onTool(name, e.detail === 0)}
            >
              <Icon name={name} />
              <span className="board-tool-label">{t(`boards.tools.${name}`)}</span>
            </button>
          ))}
        </div>
      ) : null}
      {canEdit ? (
        <div className="board-tool-group board-colors" role="group" aria-label={t('boards.toolbar.colors')}>
          {SHAPE_COLORS.map((c) => (
            <button
              key={c}
              type="button"
              className="board-color"
              data-testid={`color-${c}`}
              aria-pressed={props.color === c}
              aria-label={t(`boards.colors.${c}`)}
              title={t(`boards.colors.${c}`)}
              style={{ backgroundColor: COLOR_HEX[c] }}
              onClick={() => props.onColor(c)}
            />
          ))}
        </div>
      ) : null}
      {canEdit ? (
        <div className="board-tool-group" role="group" aria-label={t('boards.toolbar.edit')}>
          {button('undo', t('boards.toolbar.undo'), 'undo', props.onUndo, !props.canUndo)}
          {button('redo', t('boards.toolbar.redo'), 'redo', props.onRedo, !props.canRedo)}
          {button('delete', t('boards.toolbar.delete'), 'delete', props.onDelete, !props.hasSelection)}
          {button('bring-front', t('boards.toolbar.front'), 'front', props.onFront, !props.hasSelection)}
        </div>
      ) : null}
      <div className="board-tool-group" role="group" aria-label={t('boards.toolbar.view')}>
        {button('zoom-out', t('boards.toolbar.zoomOut'), 'zoomOut', props.onZoomOut)}
        {button('zoom-in', t('boards.toolbar.zoomIn'), 'zoomIn', props.onZoomIn)}
        {button('zoom-reset', t('boards.toolbar.zoomReset'), 'fit', props.onZoomReset)}
      </div>
      <div className="board-tool-group" role="group" aria-label={t('boards.toolbar.export')}>
        <button type="button" className="tool board-tool tool-text" data-testid="export-png" aria-label={t('boards.export.png')} title={t('boards.export.png')} onClick={props.onExportPng}>
          <Icon name="download" /> PNG
        </button>
        <button type="button" className="tool board-tool tool-text" data-testid="export-svg" aria-label={t('boards.export.svg')} title={t('boards.export.svg')} onClick={props.onExportSvg}>
          <Icon name="download" /> SVG
        </button>
      </div>
    </div>
  );
}
