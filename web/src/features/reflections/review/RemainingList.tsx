import { useTranslation } from 'react-i18next';
import type { ReflectionSection, RemainingDetection } from '@relab/shared';

interface Props {
  remaining: readonly RemainingDetection[];
  sections: readonly ReflectionSection[];
  testId?: string;
}

/** What the server's sharing gate still finds: kind, text and where. */
export function RemainingList({ remaining, sections, testId = 'gate-remaining' }: Props) {
  const { t } = useTranslation();
  const where = (w: string) => {
    if (w === 'title') return t('reflections.gate.inTitle');
    if (w === 'content') return t('reflections.gate.inText');
    const section = sections.find((s) => s.id === w);
    return section ? t('reflections.gate.inSection', { title: section.title }) : t('reflections.gate.inHiddenSection');
  };
  return (
    <ul className="remaining-list" data-testid={testId}>
      {remaining.map((r, i) => (
        <li key={`${r.key}-${r.where}-${i}`} data-testid="gate-remaining-item" data-kind={r.kind}>
          <span className="detection-kind">{t(`reflections.kinds.${r.kind}`)}</span>{' '}
          <q translate="no">{r.text}</q> <span className="muted">({where(r.where)})</span>
        </li>
      ))}
    </ul>
  );
}
