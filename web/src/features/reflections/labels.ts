/** Small pure helpers for labels of reflections (languages, tags, who may read a section). */
import { LANGUAGES, REFLECTION_LIMITS, lifeDomainLabel, type Language, type LifeDomain, type Sector } from '@relab/shared';

/** The UI language as a RELAB language (i18next may report a region or nothing). */
export function asLanguage(language: string | undefined): Language {
  const short = (language ?? '').slice(0, 2);
  return (LANGUAGES as readonly string[]).includes(short) ? (short as Language) : 'nl';
}

export function domainLabel(domain: LifeDomain, uiLanguage: string | undefined): string {
  return lifeDomainLabel(domain, asLanguage(uiLanguage));
}

/** Tags typed as "housing, Brussels; work": trimmed, without duplicates (case-insensitive), within the limits. */
export function parseTags(input: string): string[] {
  const out: string[] = [];
  for (const raw of input.split(/[,;\n]/)) {
    const tag = raw.replace(/\s+/g, ' ').trim().slice(0, REFLECTION_LIMITS.tag);
    if (tag && !out.some((t) => t.toLocaleLowerCase() === tag.toLocaleLowerCase())) out.push(tag);
  }
  return out.slice(0, REFLECTION_LIMITS.tags);
}

/** "psychologists, Jan Peeters": the sectors (in their plural label) then the people a section is open to. */
export function readersLabel(
  section: { allowedSectors: readonly Sector[]; allowedUserIds: readonly string[] },
  sectorPlural: (sector: Sector) => string,
  nameOf: (userId: string) => string,
): string {
  return [...section.allowedSectors.map(sectorPlural), ...section.allowedUserIds.map(nameOf)].join(', ');
}
