import { useTranslation } from 'react-i18next';
import type { StakeholderKey } from '@relab/shared';

/** Label of a key of the stakeholder mapping: a sector, or the family / returnee role (existing translations). */
export function useKeyLabel(): (key: StakeholderKey) => string {
  const { t } = useTranslation();
  return (key) => (key === 'family' || key === 'returnee' ? t(`roles.${key}`) : t(`sectors.${key}`));
}
