/** Colours of the board beyond the shared fill palette (COLOR_HEX): strokes and text. */
import { COLOR_HEX, type ShapeColor } from '@relab/shared';

/**
 * Darker tones of the palette for lines (freehand strokes, outlines): the fills are light, so a stroke in the fill
 * colour would hardly show on the white canvas. Each reaches at least 3:1 on white (non-text contrast).
 */
export const STROKE_HEX: Record<ShapeColor, string> = {
  yellow: '#8a6d00',
  pink: '#b0306a',
  blue: '#1d4f91',
  green: '#2e7d32',
  orange: '#b35200',
  purple: '#6a3fb5',
  grey: '#4a5260',
  white: '#1b1f24',
};

export const fillOf = (color: ShapeColor) => COLOR_HEX[color];

/** Text on every fill of the palette (all light): dark, at least 12:1. */
export const TEXT_COLOR = '#1b1f24';
/** Outline of rectangles, ellipses and frames. */
export const OUTLINE_COLOR = '#4a5260';
export const CONNECTOR_COLOR = '#1b1f24';
