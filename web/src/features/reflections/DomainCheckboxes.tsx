import { useTranslation } from 'react-i18next';
import { LIFE_DOMAINS, type LifeDomain } from '@relab/shared';
import { domainLabel } from './labels.js';

interface Props {
  value: readonly LifeDomain[];
  onChange: (value: LifeDomain[]) => void;
  /** Prefix of the checkboxes' test ids: `<prefix>-<domain>`. */
  testIdPrefix: string;
}

/** The life domains of a reflection, as checkboxes (in the canonical order). */
export function DomainCheckboxes({ value, onChange, testIdPrefix }: Props) {
  const { t, i18n } = useTranslation();
  const toggle = (domain: LifeDomain, checked: boolean) =>
    onChange(checked ? LIFE_DOMAINS.filter((d) => d === domain || value.includes(d)) : value.filter((d) => d !== domain));
  return (
    <fieldset className="field">
      <legend>{t('reflections.lifeDomains')}</legend>
      <p className="hint">{t('reflections.lifeDomainsHint')}</p>
      <div className="checkbox-row">
        {LIFE_DOMAINS.map((domain) => (
          <label key={domain} className="checkbox">
            <input
              type="checkbox"
              data-testid={`${testIdPrefix}-${domain}`}
              checked={value.includes(domain)}
              onChange={(e) => toggle(domain, e.target.checked)}
            />
            {domainLabel(domain, i18n.language)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
