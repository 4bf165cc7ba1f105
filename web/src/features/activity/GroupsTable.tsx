import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupFigures } from '@relab/shared';
import { sortGroups } from './dashboard.js';
import { Figure } from './Figure.js';
import { GroupSwatch } from './Legends.js';

/** Per stakeholder group: members with a tie, ties with other groups and inside the group, and the E-I index. */
export const GroupsTable = memo(function GroupsTable({ groups, k }: { groups: readonly GroupFigures[]; k: number }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="activity-groups-title" className="activity-section">
      <h2 id="activity-groups-title">{t('activity.groupsTable.title')}</h2>
      {groups.length === 0 ? (
        <p className="muted">{t('activity.groupsTable.empty')}</p>
      ) : (
        <table className="stack-table" data-testid="activity-groups-table">
          <caption className="visually-hidden">{t('activity.groupsTable.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('activity.groupsTable.group')}</th>
              <th scope="col">{t('activity.groupsTable.members')}</th>
              <th scope="col">{t('activity.groupsTable.external')}</th>
              <th scope="col">{t('activity.groupsTable.internal')}</th>
              <th scope="col">{t('activity.groupsTable.ei')}</th>
            </tr>
          </thead>
          <tbody>
            {sortGroups(groups).map((g) => (
              <tr key={g.group} data-testid={`activity-group-${g.group}`}>
                <th scope="row" className="activity-group-name">
                  <GroupSwatch group={g.group} />
                  {t(`activity.groups.${g.group}`)}
                </th>
                <td data-label={t('activity.groupsTable.members')}>
                  <Figure value={g.members} format="count" k={k} />
                </td>
                <td data-label={t('activity.groupsTable.external')}>
                  <Figure value={g.external} format="count" k={k} />
                </td>
                <td data-label={t('activity.groupsTable.internal')}>
                  <Figure value={g.internal} format="count" k={k} />
                </td>
                <td data-label={t('activity.groupsTable.ei')}>
                  <Figure value={g.ei} format="index" k={k} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
});
