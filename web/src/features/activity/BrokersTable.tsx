import { useTranslation } from 'react-i18next';
import type { Broker } from '@relab/shared';
import { numberFormat } from '../../lib/format.js';
import { sortBrokers } from './dashboard.js';
import { GroupSwatch } from './Legends.js';

/** Facilitators only: members who connect groups that have no direct tie with each other. */
export function BrokersTable({ brokers }: { brokers: readonly Broker[] }) {
  const { t, i18n } = useTranslation();
  const number = numberFormat(i18n.language, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  return (
    <section aria-labelledby="activity-brokers-title" className="activity-section">
      <h2 id="activity-brokers-title">{t('activity.brokers.title')}</h2>
      <p className="hint">{t('activity.brokers.hint')}</p>
      {brokers.length === 0 ? (
        <p className="muted">{t('activity.brokers.empty')}</p>
      ) : (
        <table className="stack-table" data-testid="activity-brokers-table">
          <caption className="visually-hidden">{t('activity.brokers.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('activity.brokers.pseudonym')}</th>
              <th scope="col">{t('activity.brokers.group')}</th>
              <th scope="col">{t('activity.brokers.betweenness')}</th>
              <th scope="col">{t('activity.brokers.groupsBridged')}</th>
            </tr>
          </thead>
          <tbody>
            {sortBrokers(brokers).map((b) => (
              <tr key={`${b.pseudonym}|${b.group}`}>
                <th scope="row" className="member-name">
                  {b.pseudonym}
                </th>
                <td data-label={t('activity.brokers.group')}>
                  <GroupSwatch group={b.group} />
                  {t(`activity.groups.${b.group}`)}
                </td>
                <td data-label={t('activity.brokers.betweenness')}>{number.format(b.betweenness)}</td>
                <td data-label={t('activity.brokers.groupsBridged')}>{b.groupsBridged}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
