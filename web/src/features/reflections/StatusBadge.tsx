import { useTranslation } from 'react-i18next';
import type { ReflectionStatus } from '@relab/shared';

/** Draft / waiting for approval / shared. */
export function StatusBadge({ status }: { status: ReflectionStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`status status-reflection-${status}`} data-testid="reflection-status" data-status={status}>
      {t(`reflections.status.${status}`)}
    </span>
  );
}
