import { z } from 'zod';

/** Yjs document type of a whiteboard on the collaboration core: `board:<id>`. */
export const BOARD_DOC_TYPE = 'board';
export const boardDocName = (id: string) => `${BOARD_DOC_TYPE}:${id}`;
/**
 * Roots of a board document: `shapes` (shape id → plain JSON shape, see `shapeSchema`) and `board` (facilitator
 * settings: lock, timer, voting round, focus). Each shape is one value: a change replaces it whole, so the server
 * checks every write against the schema, the lock and the author (ADR 0007).
 */
export const BOARD_ROOTS = { shapes: 'map', board: 'map' } as const;

export const BOARD_LIMITS = {
  title: { min: 2, max: 120 },
  shapes: 3000,
  text: 1000,
  /** Numbers in one freehand stroke (x, y pairs). */
  points: 4000,
  /** |x|, |y| on the infinite canvas. */
  coordinate: 1_000_000,
  size: { min: 4, max: 20_000 },
  votesPerMember: { min: 1, max: 20 },
  timerSeconds: { min: 10, max: 3 * 3600 },
  /** Largest single change to a board, in bytes of Yjs update. */
  maxUpdateBytes: 512 * 1024,
} as const;

export const SHAPE_TYPES = ['sticky', 'text', 'rect', 'ellipse', 'frame', 'connector', 'drawing'] as const;
export type ShapeType = (typeof SHAPE_TYPES)[number];

export const SHAPE_COLORS = ['yellow', 'pink', 'blue', 'green', 'orange', 'purple', 'grey', 'white'] as const;
export type ShapeColor = (typeof SHAPE_COLORS)[number];
/** Fill colours of the palette (accessible contrast with dark text). */
export const COLOR_HEX: Record<ShapeColor, string> = {
  yellow: '#fff3a3',
  pink: '#ffc9de',
  blue: '#c4e2ff',
  green: '#c8f0c8',
  orange: '#ffd8a8',
  purple: '#e0cffc',
  grey: '#e9ecef',
  white: '#ffffff',
};

const shapeId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
const coord = z.number().finite().min(-BOARD_LIMITS.coordinate).max(BOARD_LIMITS.coordinate);
const size = z.number().finite().min(BOARD_LIMITS.size.min).max(BOARD_LIMITS.size.max);
const text = z.string().max(BOARD_LIMITS.text);

const base = {
  id: shapeId,
  x: coord,
  y: coord,
  /** Stacking order: larger is in front. */
  z: z.number().finite(),
  authorId: z.uuid(),
  createdAt: z.iso.datetime(),
  /** Only facilitators change a locked shape. */
  locked: z.boolean(),
  /** The frame this shape belongs to (moves with it). */
  frameId: shapeId.nullable(),
};

export const shapeSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...base, type: z.literal('sticky'), w: size, h: size, color: z.enum(SHAPE_COLORS), text }),
  z.strictObject({ ...base, type: z.literal('text'), w: size, h: size, text, fontSize: z.number().int().min(8).max(200) }),
  z.strictObject({ ...base, type: z.literal('rect'), w: size, h: size, color: z.enum(SHAPE_COLORS), text }),
  z.strictObject({ ...base, type: z.literal('ellipse'), w: size, h: size, color: z.enum(SHAPE_COLORS), text }),
  z.strictObject({ ...base, type: z.literal('frame'), w: size, h: size, title: text }),
  z.strictObject({ ...base, type: z.literal('connector'), from: shapeId, to: shapeId, label: text }),
  z.strictObject({
    ...base,
    type: z.literal('drawing'),
    points: z
      .array(z.number().finite().min(-BOARD_LIMITS.size.max).max(BOARD_LIMITS.size.max))
      .min(2)
      .max(BOARD_LIMITS.points)
      .refine((p) => p.length % 2 === 0, { message: 'x, y pairs' }),
    color: z.enum(SHAPE_COLORS),
    strokeWidth: z.number().min(1).max(40),
  }),
]);
export type Shape = z.infer<typeof shapeSchema>;
export type ShapeOf<T extends ShapeType> = Extract<Shape, { type: T }>;

/** A shape as stored under its id, or null when it breaks the schema. */
export function parseShape(key: unknown, value: unknown): Shape | null {
  const r = shapeSchema.safeParse(value);
  return r.success && r.data.id === key ? r.data : null;
}

// ---------------------------------------------------------------- board settings (facilitators)

export const timerSchema = z.strictObject({
  /** When the timer ends (ISO), or null when stopped. */
  endsAt: z.iso.datetime().nullable(),
  seconds: z.number().int().min(BOARD_LIMITS.timerSeconds.min).max(BOARD_LIMITS.timerSeconds.max),
});
export const voteRoundSchema = z.strictObject({
  roundId: z.uuid(),
  open: z.boolean(),
  votesPerMember: z.number().int().min(BOARD_LIMITS.votesPerMember.min).max(BOARD_LIMITS.votesPerMember.max),
  /** Votes per shape: only once the round is closed (written by the server; nobody sees counts before). */
  results: z.record(shapeId, z.number().int().min(0)).nullable(),
});
export const focusSchema = z.strictObject({
  /** "Bring everyone to me": the facilitator's view, with a fresh id each time. */
  id: z.uuid(),
  userId: z.uuid(),
  x: coord,
  y: coord,
  scale: z.number().min(0.05).max(8),
});

export const BOARD_SETTINGS = {
  locked: z.boolean(),
  timer: timerSchema,
  vote: voteRoundSchema,
  focus: focusSchema,
} as const;
export type BoardSettingKey = keyof typeof BOARD_SETTINGS;
export type BoardSettings = { [K in BoardSettingKey]?: z.infer<(typeof BOARD_SETTINGS)[K]> };

/** A value of the `board` map, or null when its key is unknown or the value breaks the schema. */
export function parseBoardSetting(key: unknown, value: unknown): { key: BoardSettingKey; value: unknown } | null {
  if (typeof key !== 'string' || !Object.hasOwn(BOARD_SETTINGS, key)) return null;
  const r = BOARD_SETTINGS[key as BoardSettingKey].safeParse(value);
  return r.success ? { key: key as BoardSettingKey, value: r.data } : null;
}
