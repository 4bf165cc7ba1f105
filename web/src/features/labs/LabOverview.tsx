import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lab, UpdateLabRequest } from '@relab/shared';
import { LabForm } from './LabForm.js';

interface Props {
  lab: Lab;
  onUpdate: (patch: UpdateLabRequest) => Promise<unknown>;
}

/** Title, my role, description and ground rules of a lab; facilitators can edit them. */
export function LabOverview({ lab, onUpdate }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const canEdit = lab.myRole === 'facilitator';

  return (
    <>
      <header className="lab-header">
        <h1 data-testid="lab-title">{lab.name}</h1>
        <dl className="facts">
          <div>
            <dt>{t('labs.myRole')}</dt>
            <dd>{t(`roles.${lab.myRole}`)}</dd>
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
      </header>

      {editing ? (
        <section className="card" aria-labelledby="lab-edit-title">
          <h2 id="lab-edit-title">{t('lab.editTitle')}</h2>
          <LabForm
            lab={lab}
            submitLabel={t('common.save')}
            pendingLabel={t('common.saving')}
            submitTestId="lab-edit-submit"
            onCancel={() => setEditing(false)}
            onSubmit={async (values) => {
              await onUpdate(values);
              setEditing(false);
            }}
          />
        </section>
      ) : (
        <>
          <section aria-labelledby="lab-about-title">
            <h2 id="lab-about-title">{t('lab.about')}</h2>
            <p className="prewrap" data-testid="lab-description-text">
              {lab.description || t('lab.noDescription')}
            </p>
          </section>
          <section className="card ground-rules" aria-labelledby="lab-rules-title">
            <h2 id="lab-rules-title">{t('lab.groundRules')}</h2>
            <p className="prewrap" data-testid="lab-ground-rules-text">
              {lab.groundRules || t('lab.noGroundRules')}
            </p>
          </section>
          {canEdit ? (
            <p>
              <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
                {t('lab.edit')}
              </button>
            </p>
          ) : null}
        </>
      )}
    </>
  );
}
