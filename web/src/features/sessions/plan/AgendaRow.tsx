import { useTranslation } from 'react-i18next';
import { AGENDA_KINDS, SESSION_LIMITS, type AgendaKind } from '@relab/shared';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { needsRef, type AgendaDraftItem } from '../agenda.js';
import type { RowErrors } from '../plan.js';
import type { AgendaRefs } from './useAgendaRefs.js';

interface Props {
  item: AgendaDraftItem;
  index: number;
  count: number;
  refs: AgendaRefs['options'];
  refsLoading: boolean;
  errors?: RowErrors;
  onChange: (patch: Partial<AgendaDraftItem>) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
}

/** One timed item of the agenda editor: title, minutes, kind, what it points at, and move/remove buttons. */
export function AgendaRow({ item, index, count, refs, refsLoading, errors, onChange, onMove, onRemove }: Props) {
  const { t } = useTranslation();
  const n = index + 1;
  const base = `agenda-${item.key}`;
  const name = item.title.trim() || t('sessions.agenda.item', { n });
  const refOptions = needsRef(item.kind) ? refs[item.kind as Exclude<AgendaKind, 'discussion'>] : [];
  // A saved reference that is not in the list (no longer shared, or not visible to me) stays selectable as it was.
  const missing = item.refId && !refOptions.some((o) => o.id === item.refId);

  return (
    <li className="agenda-row" data-testid="agenda-row" data-index={index} data-row-key={item.key}>
      <fieldset className="agenda-row-fields">
        <legend>{t('sessions.agenda.item', { n })}</legend>
        <div className="field agenda-row-title">
          <label htmlFor={`${base}-title`}>{t('sessions.agenda.itemTitle')}</label>
          <input
            id={`${base}-title`}
            data-testid="agenda-row-title"
            value={item.title}
            maxLength={SESSION_LIMITS.itemTitle.max}
            autoComplete="off"
            aria-invalid={errors?.title ? true : undefined}
            aria-describedby={errors?.title ? `${base}-title-error` : undefined}
            onChange={(e) => onChange({ title: e.target.value })}
          />
          {errors?.title ? <ErrorAlert error={null} id={`${base}-title-error`} messageKey={errors.title.key} values={errors.title.values} /> : null}
        </div>
        <div className="field agenda-row-minutes">
          <label htmlFor={`${base}-minutes`}>{t('sessions.agenda.minutes')}</label>
          <input
            id={`${base}-minutes`}
            data-testid="agenda-row-minutes"
            type="number"
            inputMode="numeric"
            min={SESSION_LIMITS.itemMinutes.min}
            max={SESSION_LIMITS.itemMinutes.max}
            step={1}
            value={item.minutes}
            aria-invalid={errors?.minutes ? true : undefined}
            aria-describedby={errors?.minutes ? `${base}-minutes-error` : undefined}
            onChange={(e) => onChange({ minutes: e.target.value })}
          />
          {errors?.minutes ? (
            <ErrorAlert error={null} id={`${base}-minutes-error`} messageKey={errors.minutes.key} values={errors.minutes.values} />
          ) : null}
        </div>
        <div className="field agenda-row-kind">
          <label htmlFor={`${base}-kind`}>{t('sessions.agenda.kind')}</label>
          <select id={`${base}-kind`} data-testid="agenda-row-kind" value={item.kind} onChange={(e) => onChange({ kind: e.target.value as AgendaKind })}>
            {AGENDA_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`sessions.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        {needsRef(item.kind) ? (
          <div className="field agenda-row-ref">
            <label htmlFor={`${base}-ref`}>{t(`sessions.agenda.ref.${item.kind}`)}</label>
            <select
              id={`${base}-ref`}
              data-testid="agenda-row-ref"
              value={item.refId}
              aria-invalid={errors?.ref ? true : undefined}
              aria-describedby={
                [refOptions.length === 0 && !refsLoading ? `${base}-ref-hint` : null, errors?.ref ? `${base}-ref-error` : null].filter(Boolean).join(' ') ||
                undefined
              }
              onChange={(e) => onChange({ refId: e.target.value, refTitle: refOptions.find((o) => o.id === e.target.value)?.title ?? null })}
            >
              <option value="">{t('sessions.agenda.refNone')}</option>
              {missing ? <option value={item.refId}>{item.refTitle ?? t('sessions.agenda.refUnavailable')}</option> : null}
              {refOptions.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.title}
                </option>
              ))}
            </select>
            {refOptions.length === 0 && !refsLoading ? (
              <span className="hint" id={`${base}-ref-hint`}>
                {t(`sessions.agenda.refEmpty.${item.kind}`)}
              </span>
            ) : null}
            {errors?.ref ? <ErrorAlert error={null} id={`${base}-ref-error`} messageKey={errors.ref.key} values={errors.ref.values} /> : null}
          </div>
        ) : null}
        <div className="button-row agenda-row-buttons">
          <button
            type="button"
            className="button button-secondary button-small"
            data-testid="agenda-row-up"
            disabled={index === 0}
            aria-label={t('sessions.agenda.moveUpNamed', { title: name })}
            onClick={() => onMove(-1)}
          >
            <span aria-hidden="true">↑</span> {t('sessions.agenda.moveUp')}
          </button>
          <button
            type="button"
            className="button button-secondary button-small"
            data-testid="agenda-row-down"
            disabled={index === count - 1}
            aria-label={t('sessions.agenda.moveDownNamed', { title: name })}
            onClick={() => onMove(1)}
          >
            <span aria-hidden="true">↓</span> {t('sessions.agenda.moveDown')}
          </button>
          <button
            type="button"
            className="button button-danger-outline button-small"
            data-testid="agenda-row-remove"
            aria-label={t('sessions.agenda.removeNamed', { title: name })}
            onClick={onRemove}
          >
            {t('sessions.agenda.remove')}
          </button>
        </div>
      </fieldset>
    </li>
  );
}
