import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ReflectionSummary } from '@relab/shared';
import { formatDate } from '../../../lib/format.js';
import { domainLabel } from '../labels.js';
import { StatusBadge } from '../StatusBadge.js';

interface Props {
  labId: string;
  reflection: ReflectionSummary;
  myUserId: string | undefined;
}

/** One reflection in the list: title, status, life domains, tags, author. */
export function ReflectionCard({ labId, reflection: r, myUserId }: Props) {
  const { t, i18n } = useTranslation();
  const waitingForMe = r.status === 'in_review' && r.reviewer?.userId === myUserId;
  const mine = r.author.userId === myUserId;
  return (
    <li className="card reflection-card" data-testid="reflection-card" data-reflection-id={r.id}>
      <h3 className="reflection-card-title">
        <Link to={`/labs/${encodeURIComponent(labId)}/reflections/${encodeURIComponent(r.id)}`} data-testid="reflection-link">
          {r.title}
        </Link>
      </h3>
      <p className="reflection-card-status">
        <StatusBadge status={r.status} />
        {waitingForMe ? (
          <span className="status status-reflection-mine" data-testid="reflection-waiting-for-me">
            {t('reflections.list.waitingForYou')}
          </span>
        ) : null}
      </p>
      <dl className="facts reflection-facts">
        <div>
          <dt>{t('reflections.author')}</dt>
          <dd translate="no">{mine ? t('collab.you', { name: r.author.displayName }) : r.author.displayName}</dd>
        </div>
        <div>
          <dt>{t('reflections.updated')}</dt>
          <dd>{formatDate(r.updatedAt, i18n.language)}</dd>
        </div>
      </dl>
      {r.lifeDomains.length > 0 ? (
        <ul className="chips" aria-label={t('reflections.lifeDomains')}>
          {r.lifeDomains.map((d) => (
            <li key={d} className="chip chip-domain">
              {domainLabel(d, i18n.language)}
            </li>
          ))}
        </ul>
      ) : null}
      {r.tags.length > 0 ? (
        <ul className="chips" aria-label={t('reflections.tags')}>
          {r.tags.map((tag) => (
            <li key={tag} className="chip">
              #{tag}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
