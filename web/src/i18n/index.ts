/** i18next setup: the three locales are bundled (they are small), the UI language starts from the device. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES } from '@relab/shared';
import { translations } from './bundles.js';
import { pickInitialLanguage, readStoredLanguage } from './languages.js';

export const resources = {
  nl: { translation: translations.nl },
  fr: { translation: translations.fr },
  en: { translation: translations.en },
} as const;

function applyDocumentLanguage(language: string): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = language;
}

const initialLanguage = pickInitialLanguage(
  readStoredLanguage(),
  typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language],
);

i18next.on('languageChanged', applyDocumentLanguage);

void i18next.use(initReactI18next).init({
  resources,
  lng: initialLanguage,
  fallbackLng: 'nl',
  supportedLngs: [...LANGUAGES],
  // React already escapes what it renders.
  interpolation: { escapeValue: false },
  returnNull: false,
  react: { useSuspense: false },
  // Resources are bundled: initialise synchronously so the first render is already translated.
  initAsync: false,
});
applyDocumentLanguage(i18next.language || initialLanguage);

export default i18next;
