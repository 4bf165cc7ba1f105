/** Translation keys that must exist in every language, derived from the shared domain constants. */
import {
  ACTIVITY_BUCKETS,
  BOARD_TEMPLATES,
  COLLAB_ERROR_CODES,
  COLLAB_STATUSES,
  DETECTION_KINDS,
  ERROR_CODE_IDS,
  INTERACTION_KINDS,
  LAB_ROLES,
  LANGUAGES,
  POWER_TIERS,
  REFLECTION_STATUSES,
  SECTOR_IDS,
  SHAPE_COLORS,
  SHAPE_TYPES,
  STAKEHOLDER_GROUPS,
  TIE_KINDS,
  VERSION_KINDS,
  WATCHED_ACTIONS,
  invitationSchema,
} from '@relab/shared';
import { PERIOD_PRESETS } from '../features/activity/filters.js';
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
    ...COLLAB_ERROR_CODES.map((code) => `collab.errors.${code}`),
    ...COLLAB_STATUSES.map((status) => `collab.status.${status}`),
    ...VERSION_KINDS.map((kind) => `versions.kind.${kind}`),
    ...REFLECTION_STATUSES.map((status) => `reflections.status.${status}`),
    ...DETECTION_KINDS.map((kind) => `reflections.kinds.${kind}`),
    ...SECTOR_IDS.map((sector) => `reflections.sectorsPlural.${sector}`),
    ...BOARD_TEMPLATES.map((template) => `boards.templates.${template}`),
    ...BOARD_TEMPLATES.map((template) => `boards.templateHints.${template}`),
    ...SHAPE_TYPES.map((type) => `boards.types.${type}`),
    ...SHAPE_COLORS.map((color) => `boards.colors.${color}`),
    ...TIE_KINDS.map((kind) => `activity.kinds.${kind}`),
    ...TIE_KINDS.map((kind) => `activity.kindHints.${kind}`),
    ...STAKEHOLDER_GROUPS.map((group) => `activity.groups.${group}`),
    ...Object.values(POWER_TIERS).map((tier) => `activity.tiers.${tier}`),
    ...INTERACTION_KINDS.map((kind) => `activity.interactions.${kind}`),
    ...[...PERIOD_PRESETS, 'custom'].map((period) => `activity.filters.presets.${period}`),
    ...ACTIVITY_BUCKETS.map((bucket) => `activity.filters.buckets.${bucket}`),
    ...WATCHED_ACTIONS.map((action) => `dialogues.words.actions.${action}`),
    ...WATCHED_ACTIONS.map((action) => `dialogues.words.actionHints.${action}`),
  ];
}
