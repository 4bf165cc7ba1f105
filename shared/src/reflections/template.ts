import { LANGUAGES, type Language } from '../domain/languages.js';
import { LIFE_DOMAINS, type LifeDomain } from '../domain/life-domains.js';

export type Localised = Record<Language, string>;

/** One section of a reflection template: a heading and a prompt for the author, in every language. */
export interface TemplateSection {
  heading: Localised;
  prompt: Localised;
  /** The life domain this section is about, if any. */
  lifeDomain: LifeDomain | null;
}

export interface ReflectionTemplate {
  sections: TemplateSection[];
}

const LIFE_DOMAIN_HEADINGS: Record<LifeDomain, Localised> = {
  housing: { nl: 'Wonen', fr: 'Logement', en: 'Housing' },
  work_income: { nl: 'Werk en inkomen', fr: 'Travail et revenus', en: 'Work and income' },
  administrative_legal: { nl: 'Administratieve en juridische maatregelen', fr: 'Mesures administratives et juridiques', en: 'Administrative and legal measures' },
  psychosocial_health: { nl: 'Psychosociaal welzijn en gezondheid', fr: 'Bien-être psychosocial et santé', en: 'Psychosocial wellbeing and health' },
  family: { nl: 'Familie', fr: 'Famille', en: 'Family' },
  religious_spiritual: { nl: 'Religie en zingeving', fr: 'Religion et spiritualité', en: 'Religious and spiritual life' },
  education: { nl: 'Onderwijs en opleiding', fr: 'Enseignement et formation', en: 'Education and training' },
  justice_follow_up: { nl: 'Justitiële opvolging', fr: 'Suivi judiciaire', en: 'Justice follow-up' },
};

/** Names of the life domains, for filters and labels. */
export function lifeDomainLabel(domain: LifeDomain, language: Language): string {
  return LIFE_DOMAIN_HEADINGS[domain][language];
}

const DOMAIN_PROMPT: Localised = {
  nl: 'Wat speelt er in dit domein? Alleen wat nodig is voor de vraag.',
  fr: 'Que se passe-t-il dans ce domaine ? Seulement ce qui est utile à la question.',
  en: 'What is going on in this domain? Only what the question needs.',
};

/** The default template, in the three languages. Labs can replace it with their own. */
export const DEFAULT_REFLECTION_TEMPLATE: ReflectionTemplate = {
  sections: [
    {
      heading: { nl: 'Vraag aan het lab', fr: 'Question pour le lab', en: 'Question for the lab' },
      prompt: { nl: 'Waarover wil je dat het lab meedenkt?', fr: 'Sur quoi voulez-vous que le lab réfléchisse ?', en: 'What would you like the lab to think about?' },
      lifeDomain: null,
    },
    {
      heading: { nl: 'Context en traject', fr: 'Contexte et parcours', en: 'Context and trajectory' },
      prompt: { nl: 'Het traject in grote lijnen, zonder herkenbare details.', fr: 'Le parcours dans les grandes lignes, sans détails reconnaissables.', en: 'The trajectory in broad strokes, without recognisable details.' },
      lifeDomain: null,
    },
    ...LIFE_DOMAINS.map((d) => ({ heading: LIFE_DOMAIN_HEADINGS[d], prompt: DOMAIN_PROMPT, lifeDomain: d })),
    {
      heading: { nl: 'Wat werd geprobeerd', fr: 'Ce qui a été tenté', en: 'What was tried' },
      prompt: { nl: 'Wat werkte, wat niet, en waarom?', fr: "Qu'est-ce qui a marché, qu'est-ce qui n'a pas marché, et pourquoi ?", en: 'What worked, what did not, and why?' },
      lifeDomain: null,
    },
    {
      heading: { nl: 'Reflecties en lessen', fr: 'Réflexions et leçons', en: 'Reflections and lessons' },
      prompt: { nl: 'Wat neemt het lab hieruit mee?', fr: "Qu'est-ce que le lab en retient ?", en: 'What does the lab take from this?' },
      lifeDomain: null,
    },
  ],
};

export function isCompleteLocalised(value: Partial<Localised>): value is Localised {
  return LANGUAGES.every((l) => typeof value[l] === 'string');
}
