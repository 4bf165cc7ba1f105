/** Pseudonymisation detectors: pure functions, usable in the browser and on the server. */
export { DETECTION_KINDS, type DetectionKind, type Detection, type DetectOptions } from './types.js';
export { detectIdentifiers, resolveOverlaps } from './detect.js';
export { isValidNationalNumber, detectNationalNumbers } from './national-number.js';
export { isValidIban, detectIbans } from './iban.js';
export { detectPhones } from './phone.js';
export { detectEmails } from './email.js';
export { nameVariants, detectListedNames } from './names.js';
export { detectCapitalisedNames } from './capitalised.js';
export { detectAddresses, DUTCH_STREET_WORDS, FRENCH_STREET_WORDS } from './addresses.js';
export { detectPostcodes } from './postcodes.js';
export { detectBirthdates } from './dates.js';
export { detectPlates } from './plates.js';
export { detectMunicipalities, SMALL_MUNICIPALITIES } from './municipalities.js';
export { NON_IDENTIFYING_PLACES, isNonIdentifyingPlace } from './places.js';
export { pseudonymFor, assignPseudonym, applyPseudonyms, type PseudonymEntry } from './pseudonyms.js';
