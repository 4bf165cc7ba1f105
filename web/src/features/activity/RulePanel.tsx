import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INTERACTION_KINDS, STAKEHOLDER_KEYS, type ActivitySettings } from '@relab/shared';
import { numberFormat } from '../../lib/format.js';
import { GroupSwatch } from './Legends.js';
import { MappingTableHead } from './MappingTableHead.js';
import { SettingsForm } from './SettingsForm.js';
import { useKeyLabel } from './useKeyLabel.js';

interface Props {
  labId: string;
  settings: ActivitySettings;
  /** Facilitators may change the settings. */
  canEdit: boolean;
  onSaved: (settings: ActivitySettings) => void;
}

/** The classification rule, the weights and the sector → group/tier mapping, as the figures use them. */
export function RulePanel({ labId, settings, canEdit, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const keyLabel = useKeyLabel();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const openButton = useRef<HTMLButtonElement>(null);
  const number = numberFormat(i18n.language, { maximumFractionDigits: 1 });
  const overridden = new Set(settings.overridden);

  function close() {
    setEditing(false);
    requestAnimationFrame(() => openButton.current?.focus());
  }

  return (
    <section aria-labelledby="activity-rule-title" className="activity-section card" data-testid="activity-rule">
      <h2 id="activity-rule-title">{t('activity.rule.title')}</h2>
      <ol className="activity-rule">
        <li>{t('activity.rule.linking')}</li>
        <li>{settings.bondingRequiresSameLanguage ? t('activity.rule.bondingLanguage') : t('activity.rule.bonding')}</li>
        <li>{t('activity.rule.bridging')}</li>
      </ol>
      <p className="hint">{t('activity.rule.weights', { k: settings.kAnonymity })}</p>
      {saved ? (
        <p className="alert alert-success" role="status" data-testid="activity-settings-saved">
          {t('activity.settings.saved')}
        </p>
      ) : null}

      {canEdit && editing ? (
        <SettingsForm
          labId={labId}
          settings={settings}
          onCancel={close}
          onSaved={(next) => {
            onSaved(next);
            setSaved(true);
            close();
          }}
        />
      ) : (
        <>
          {canEdit ? (
            <div className="button-row">
              <button
                type="button"
                ref={openButton}
                className="button button-secondary"
                data-testid="activity-settings-open"
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
                {t('activity.settings.open')}
              </button>
            </div>
          ) : null}
          <details className="activity-table-details">
            <summary>{t('activity.rule.weightsCaption')}</summary>
            <table className="stack-table" data-testid="activity-weights-table">
              <caption className="visually-hidden">{t('activity.rule.weightsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('activity.rule.interaction')}</th>
                  <th scope="col">{t('activity.rule.weight')}</th>
                </tr>
              </thead>
              <tbody>
                {INTERACTION_KINDS.map((kind) => (
                  <tr key={kind}>
                    <th scope="row">{t(`activity.interactions.${kind}`)}</th>
                    <td data-label={t('activity.rule.weight')}>{number.format(settings.weights[kind])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
          <details className="activity-table-details">
            <summary>{t('activity.rule.mapping')}</summary>
            <table className="stack-table" data-testid="activity-mapping-table">
              <MappingTableHead />
              <tbody>
                {STAKEHOLDER_KEYS.map((key) => {
                  const info = settings.mapping[key];
                  return (
                    <tr key={key}>
                      <th scope="row">
                        {keyLabel(key)}
                        {overridden.has(key) ? <span className="badge badge-warning">{t('activity.rule.changed')}</span> : null}
                      </th>
                      <td data-label={t('activity.rule.group')}>
                        {info ? (
                          <>
                            <GroupSwatch group={info.group} />
                            {t(`activity.groups.${info.group}`)}
                          </>
                        ) : null}
                      </td>
                      <td data-label={t('activity.rule.tier')}>{info ? `${info.tier} · ${t(`activity.tiers.${info.tier}`)}` : null}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}

