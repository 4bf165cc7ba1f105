import { Foundation1763900000000 } from './1763900000000-foundation.js';
import { Collab1764000000000 } from './1764000000000-collab.js';
import { Reflections1765000000000 } from './1765000000000-reflections.js';
import { Boards1766000000000 } from './1766000000000-boards.js';
import { Dialogues1767000000000 } from './1767000000000-dialogues.js';
import { Sessions1768000000000 } from './1768000000000-sessions.js';
import { Activity1769000000000 } from './1769000000000-activity.js';

/** Every migration, in order. Listed explicitly so the ESM build needs no file globbing. */
export const MIGRATIONS = [Foundation1763900000000, Collab1764000000000, Reflections1765000000000, Boards1766000000000, Dialogues1767000000000, Sessions1768000000000, Activity1769000000000];
