/** Which language the UI starts in, and where a choice made before logging in is remembered. */
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '@relab/shared';

export const LANGUAGE_STORAGE_KEY = 'relab.language';

/** Each language named in itself, for the language switcher (a reader must recognise their own language). */
export const LANGUAGE_AUTONYMS: Record<Language, string> = { nl: 'Nederlands', fr: 'Français', en: 'English' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The first language of the UI: the one remembered on this device, else the first of the browser's
 * preferred languages RELAB speaks ("fr-BE" → "fr"), else Dutch.
 */
export function pickInitialLanguage(stored: string | null | undefined, preferred: readonly string[] = []): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return DEFAULT_LANGUAGE;
}

export function readStoredLanguage(): string | null {
  try {
    return globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

export function storeLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Storage can be disabled (private mode, shared-computer policies): the choice then lasts for this page only.
  }
}
