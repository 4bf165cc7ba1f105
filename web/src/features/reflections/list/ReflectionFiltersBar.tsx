import { useTranslation } from 'react-i18next';
import { LIFE_DOMAINS, REFLECTION_STATUSES, type LifeDomain, type ReflectionStatus } from '@relab/shared';
import { SelectField } from '../../../components/SelectField.js';
import type { ReflectionFilters } from '../api.js';
import { domainLabel } from '../labels.js';

interface Props {
  filters: ReflectionFilters;
  onChange: (filters: ReflectionFilters) => void;
  /** Tags to choose from (those seen in the lab's reflections). */
  tags: readonly string[];
}

/** Filters of the list: life domain, tag and status (applied at once). */
export function ReflectionFiltersBar({ filters, onChange, tags }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <form className="filters" role="search" aria-label={t('reflections.list.filters')} onSubmit={(e) => e.preventDefault()}>
      <SelectField
        id="filter-domain"
        label={t('reflections.lifeDomain')}
        value={filters.domain ?? ''}
        onChange={(value) => onChange({ ...filters, domain: value as LifeDomain | '' })}
        options={LIFE_DOMAINS}
        optionLabel={(d) => domainLabel(d as LifeDomain, i18n.language)}
        emptyLabel={t('reflections.list.all')}
      />
      <SelectField
        id="filter-tag"
        label={t('reflections.tag')}
        value={filters.tag ?? ''}
        onChange={(value) => onChange({ ...filters, tag: value })}
        options={tags}
        optionLabel={(tag) => `#${tag}`}
        emptyLabel={t('reflections.list.all')}
      />
      <SelectField
        id="filter-status"
        label={t('reflections.statusLabel')}
        value={filters.status ?? ''}
        onChange={(value) => onChange({ ...filters, status: value as ReflectionStatus | '' })}
        options={REFLECTION_STATUSES}
        optionLabel={(s) => t(`reflections.status.${s}`)}
        emptyLabel={t('reflections.list.all')}
      />
    </form>
  );
}
