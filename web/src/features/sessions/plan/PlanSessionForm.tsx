import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RECURRENCES, SESSION_LIMITS, type Recurrence, type SessionDetail, type SessionSummary } from '@relab/shared';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { SelectField } from '../../../components/SelectField.js';
import { TextField } from '../../../components/TextField.js';
import { useAction } from '../../../lib/useAction.js';
import { sessionsApi } from '../api.js';
import { hasErrors, rowErrorsFromRefusal, toCreateRequest, toUpdateRequest, type PlanDraft, type PlanErrors } from '../plan.js';
import { ApiError } from '../../../lib/api.js';
import { zoneLabel } from '../time.js';
import { browserTimeZone, timeZoneChoices } from '../timeZones.js';
import { AgendaEditor } from './AgendaEditor.js';
import { InputField } from './InputField.js';

type Props =
  | { mode: 'create'; labId: string; initial: PlanDraft; onDone: (created: SessionSummary[]) => void; onCancel: () => void }
  | { mode: 'edit'; labId: string; sessionId: string; initial: PlanDraft; onDone: (saved: SessionDetail) => void; onCancel: () => void };

const NO_ERRORS: PlanErrors = { fields: {}, rows: {} };

/**
 * A facilitator plans a session (or a recurring series) or changes one: title, when (date and time on the clocks
 * of the chosen time zone), duration, place and/or online link, and the agenda. Checked with the shared schema
 * before sending; the server checks again.
 */
export function PlanSessionForm(props: Props) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<PlanDraft>(props.initial);
  const [errors, setErrors] = useState<PlanErrors>(NO_ERRORS);
  const action = useAction();
  const formRef = useRef<HTMLFormElement>(null);
  const zones = useMemo(() => timeZoneChoices(browserTimeZone(), props.initial.timeZone), [props.initial.timeZone]);
  const set = <K extends keyof PlanDraft>(key: K, value: PlanDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const duration = /^\d+$/.test(draft.durationMinutes.trim()) ? Number(draft.durationMinutes) : null;
  const editing = props.mode === 'edit';

  /** Errors shown and the focus on the first field that needs attention (keyboard and screen-reader users). */
  function refuse(found: PlanErrors) {
    setErrors(found);
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  /** Runs the request; a refused agenda reference is shown on its row (the draft sent is the one to mark). */
  async function send<T>(task: () => Promise<T>, sent: PlanDraft): Promise<T | undefined> {
    return action.run(async () => {
      try {
        return await task();
      } catch (error) {
        if (error instanceof ApiError && error.code === 'AGENDA_REF_INVALID') refuse({ fields: {}, rows: rowErrorsFromRefusal(error.details, sent) });
        throw error;
      }
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const sent = draft;
    if (props.mode === 'create') {
      const result = toCreateRequest(sent);
      if (!result.ok) return refuse(result.errors);
      setErrors(NO_ERRORS);
      const created = await send(() => sessionsApi.create(props.labId, result.body), sent);
      if (created) props.onDone(created);
    } else {
      const result = toUpdateRequest(sent);
      if (!result.ok) return refuse(result.errors);
      setErrors(NO_ERRORS);
      const saved = await send(() => sessionsApi.update(props.labId, props.sessionId, result.body), sent);
      if (saved) props.onDone(saved);
    }
  }

  const f = errors.fields;
  return (
    <form className="form plan-form" ref={formRef} onSubmit={submit} noValidate aria-labelledby="plan-form-title">
      <TextField
        autoFocus
        id="plan-title"
        label={t('sessions.plan.title')}
        value={draft.title}
        maxLength={SESSION_LIMITS.title.max}
        onChange={(v) => set('title', v)}
        error={f.title ?? null}
      />
      <fieldset className="field plan-when">
        <legend>{t('sessions.plan.when')}</legend>
        <div className="plan-when-fields">
          <InputField id="plan-date" type="date" label={t('sessions.plan.date')} value={draft.date} onChange={(v) => set('date', v)} error={f.date} />
          <InputField id="plan-time" type="time" label={t('sessions.plan.time')} value={draft.time} onChange={(v) => set('time', v)} />
          <InputField
            id="plan-duration"
            type="number"
            label={t('sessions.plan.duration')}
            value={draft.durationMinutes}
            min={SESSION_LIMITS.durationMinutes.min}
            max={SESSION_LIMITS.durationMinutes.max}
            step={15}
            onChange={(v) => set('durationMinutes', v)}
            error={f.durationMinutes}
          />
        </div>
        {editing ? (
          <p className="hint" data-testid="plan-time-zone-fixed">
            {t('sessions.plan.timeZoneFixed', { zone: zoneLabel(draft.timeZone, Date.now(), i18n.language) })}
          </p>
        ) : (
          <SelectField
            id="plan-time-zone"
            label={t('sessions.plan.timeZone')}
            value={draft.timeZone}
            onChange={(v) => set('timeZone', v)}
            options={zones}
            optionLabel={(zone) => zoneLabel(zone, Date.now(), i18n.language)}
          />
        )}
      </fieldset>
      <fieldset className="field">
        <legend>{t('sessions.plan.where')}</legend>
        <p className="hint">{t('sessions.plan.whereHint')}</p>
        <TextField
          id="plan-location"
          label={t('sessions.plan.location')}
          value={draft.location}
          maxLength={SESSION_LIMITS.location.max}
          onChange={(v) => set('location', v)}
          error={f.location ?? null}
        />
        <InputField
          id="plan-online-url"
          type="url"
          label={t('sessions.plan.onlineUrl')}
          hint={t('sessions.plan.onlineUrlHint')}
          value={draft.onlineUrl}
          onChange={(v) => set('onlineUrl', v)}
          error={f.onlineUrl}
        />
      </fieldset>
      {editing ? null : (
        <fieldset className="field">
          <legend>{t('sessions.plan.repeat')}</legend>
          <SelectField
            id="plan-recurrence"
            label={t('sessions.plan.recurrence')}
            value={draft.recurrence}
            onChange={(v) => setDraft((d) => ({ ...d, recurrence: v as Recurrence, occurrences: v !== 'none' && d.occurrences === '1' ? '6' : d.occurrences }))}
            options={RECURRENCES}
            optionLabel={(r) => t(`sessions.recurrence.${r}`)}
          />
          {draft.recurrence !== 'none' ? (
            <InputField
              id="plan-occurrences"
              type="number"
              label={t('sessions.plan.occurrences')}
              hint={t('sessions.plan.occurrencesHint', { max: SESSION_LIMITS.occurrences.max })}
              value={draft.occurrences}
              min={2}
              max={SESSION_LIMITS.occurrences.max}
              step={1}
              onChange={(v) => set('occurrences', v)}
              error={f.occurrences}
            />
          ) : null}
        </fieldset>
      )}
      <AgendaEditor
        labId={props.labId}
        items={draft.agenda}
        onChange={(agenda) => set('agenda', agenda)}
        durationMinutes={duration}
        errors={errors.rows}
        listError={f.agenda}
      />
      {hasErrors(errors) ? <ErrorAlert error={null} messageKey="sessions.plan.errors.summary" /> : null}
      <ErrorAlert error={action.error} />
      <div className="button-row">
        <button type="submit" className="button" data-testid="plan-submit" disabled={action.pending}>
          {action.pending ? t('common.saving') : editing ? t('sessions.plan.save') : t('sessions.plan.submit')}
        </button>
        <button type="button" className="button button-secondary" data-testid="plan-cancel" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
