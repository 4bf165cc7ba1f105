import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { TIE_KINDS, type Dashboard } from '@relab/shared';
import { Figure } from './Figure.js';
import { LineSample } from './Legends.js';

/** The period at a glance: per tie kind its ties, weight share and new ties; the E-I index; cross-language ties. */
export const TotalsPanel = memo(function TotalsPanel({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const k = dashboard.kAnonymity;
  return (
    <section aria-labelledby="activity-totals-title" className="activity-section">
      <h2 id="activity-totals-title">{t('activity.totals.title')}</h2>
      <ul className="activity-totals">
        {TIE_KINDS.map((kind) => (
          <li key={kind} className={`card activity-total activity-total-${kind}`} data-testid={`activity-total-${kind}`}>
            <h3 className="activity-total-title">
              <LineSample kind={kind} />
              <span>{t(`activity.kinds.${kind}`)}</span>
            </h3>
            <p className="hint">{t(`activity.kindHints.${kind}`)}</p>
            <dl className="activity-figures">
              <div>
                <dt>{t('activity.totals.ties')}</dt>
                <dd className="activity-figure-main">
                  <Figure value={dashboard.totals[kind].ties} format="count" k={k} testId={`activity-total-${kind}-ties`} />
                </dd>
              </div>
              <div>
                <dt>{t('activity.totals.weight')}</dt>
                <dd>
                  <Figure value={dashboard.totals[kind].share} format="share" k={k} />
                </dd>
              </div>
              <div>
                <dt>{t('activity.totals.newTies')}</dt>
                <dd>
                  <Figure value={dashboard.newTies[kind]} format="count" k={k} />
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
      <dl className="facts activity-overall">
        <div>
          <dt>{t('activity.totals.events')}</dt>
          <dd>
            <Figure value={dashboard.totals.events} format="count" k={k} testId="activity-events" />
          </dd>
        </div>
        <div>
          <dt>{t('activity.totals.members')}</dt>
          <dd>
            <Figure value={dashboard.totals.members} format="count" k={k} />
          </dd>
        </div>
        <div>
          <dt>{t('activity.totals.eiOverall')}</dt>
          <dd>
            <Figure value={dashboard.eiOverall} format="index" k={k} testId="activity-ei-overall" />
          </dd>
        </div>
        <div>
          <dt>{t('activity.totals.crossLanguage')}</dt>
          <dd>
            <Figure value={dashboard.crossLanguageShare} format="share" k={k} testId="activity-cross-language" />
          </dd>
        </div>
      </dl>
      <p className="hint">
        {t('activity.totals.eiHint')} {t('activity.totals.crossLanguageHint')}
      </p>
      <p className="hint">{t('activity.suppressedNote', { k })}</p>
    </section>
  );
});
