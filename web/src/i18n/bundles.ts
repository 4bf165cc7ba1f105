/**
 * The translation trees, per language: the app's core locale plus one file per larger feature
 * (`locales/<feature>/<lng>.json`, each under its own top-level key), merged here.
 */
import en from './locales/en.json' with { type: 'json' };
import fr from './locales/fr.json' with { type: 'json' };
import nl from './locales/nl.json' with { type: 'json' };
import dialoguesEn from './locales/dialogues/en.json' with { type: 'json' };
import dialoguesFr from './locales/dialogues/fr.json' with { type: 'json' };
import dialoguesNl from './locales/dialogues/nl.json' with { type: 'json' };
import sessionsEn from './locales/sessions/en.json' with { type: 'json' };
import sessionsFr from './locales/sessions/fr.json' with { type: 'json' };
import sessionsNl from './locales/sessions/nl.json' with { type: 'json' };
import activityEn from './locales/activity/en.json' with { type: 'json' };
import activityFr from './locales/activity/fr.json' with { type: 'json' };
import activityNl from './locales/activity/nl.json' with { type: 'json' };

export const translations = {
  nl: { ...nl, ...dialoguesNl, ...sessionsNl, ...activityNl },
  fr: { ...fr, ...dialoguesFr, ...sessionsFr, ...activityFr },
  en: { ...en, ...dialoguesEn, ...sessionsEn, ...activityEn },
};
