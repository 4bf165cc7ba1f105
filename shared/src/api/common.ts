import { z } from 'zod';
import { LANGUAGES } from '../domain/languages.js';

export const uuidSchema = z.uuid();
export const languageSchema = z.enum(LANGUAGES);
/** Trimmed, non-empty text of bounded length. */
export const text = (min: number, max: number) => z.string().trim().min(min).max(max);
