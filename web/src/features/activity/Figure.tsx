import { useTranslation } from 'react-i18next';
import type { Suppressible } from '@relab/shared';
import { formatCell, type CellFormat } from './dashboard.js';

interface Props {
  value: Suppressible | undefined;
  format: CellFormat;
  /** The lab's k: a suppressed figure says "hidden: fewer than k people". */
  k: number;
  testId?: string;
}

/**
 * One figure of the dashboard. A suppressed one (null) shows a dash whose accessible name and tooltip say why; it
 * is never shown as 0.
 */
export function Figure({ value, format, k, testId }: Props) {
  const { t, i18n } = useTranslation();
  const cell = formatCell(value, format, i18n.language);
  if (!cell.suppressed) return <span data-testid={testId}>{cell.text}</span>;
  const why = t('activity.suppressed', { k });
  return (
    <span className="activity-suppressed" title={why} data-testid={testId} data-suppressed="true">
      <span aria-hidden="true">{cell.text}</span>
      <span className="visually-hidden">{why}</span>
    </span>
  );
}
