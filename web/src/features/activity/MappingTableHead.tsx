import { useTranslation } from 'react-i18next';

/** Caption and header of the sector → group/tier table (shown here, edited in the settings form). */
export function MappingTableHead() {
  const { t } = useTranslation();
  return (
    <>
      <caption className="visually-hidden">{t('activity.rule.mappingCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('activity.rule.key')}</th>
          <th scope="col">{t('activity.rule.group')}</th>
          <th scope="col">{t('activity.rule.tier')}</th>
        </tr>
      </thead>
    </>
  );
}
