import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Lab } from '@relab/shared';

/** My labs, each with my role in it. */
export function LabList({ labs }: { labs: Lab[] }) {
  const { t } = useTranslation();
  if (labs.length === 0) return <p className="muted">{t('labs.empty')}</p>;
  return (
    <ul className="lab-list">
      {labs.map((lab) => (
        <li key={lab.id} className="card lab-card">
          <h3 className="lab-card-title">
            <Link to={`/labs/${encodeURIComponent(lab.id)}`} data-testid="lab-link">
              {lab.name}
            </Link>
          </h3>
          <dl className="facts">
            <div>
              <dt>{t('labs.myRole')}</dt>
              <dd data-testid="lab-my-role">{t(`roles.${lab.myRole}`)}</dd>
            </div>
            <div>
              <dt>{t('labs.members')}</dt>
              <dd>{lab.memberCount}</dd>
            </div>
            <div>
              <dt>{t('labs.languages')}</dt>
              <dd>{lab.languages.map((l) => t(`languages.${l}`)).join(', ')}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}
