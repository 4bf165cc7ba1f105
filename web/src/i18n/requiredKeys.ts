/** Translation keys that must exist in every language, derived from the shared domain constants. */
import { ERROR_CODE_IDS, LAB_ROLES, LANGUAGES, SECTOR_IDS, invitationSchema } from '@relab/shared';
import { CLIENT_ERROR_CODES } from '../lib/api.js';

/** Taken from the API contract, so a status added there fails the i18n test until it is translated. */
export const INVITATION_STATUSES = invitationSchema.shape.status.options;

export function requiredTranslationKeys(): string[] {
  return [
    ...ERROR_CODE_IDS.map((code) => `errors.${code}`),
    ...CLIENT_ERROR_CODES.map((code) => `errors.${code}`),
    ...LAB_ROLES.map((role) => `roles.${role}`),
    ...SECTOR_IDS.map((sector) => `sectors.${sector}`),
    ...LANGUAGES.map((language) => `languages.${language}`),
    ...INVITATION_STATUSES.map((status) => `invitationStatus.${status}`),
  ];
}
