import { Foundation1763900000000 } from './1763900000000-foundation.js';

/** Every migration, in order. Listed explicitly so the ESM build needs no file globbing. */
export const MIGRATIONS = [Foundation1763900000000];
