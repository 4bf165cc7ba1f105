import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SESSION_LIMITS } from '@relab/shared';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { agendaFit, moveItem, needsRef, newAgendaItem, totalMinutes, type AgendaDraftItem } from '../agenda.js';
import type { FieldError, PlanErrors } from '../plan.js';
import { useAnnouncer } from '../useAnnouncer.js';
import { AgendaRow } from './AgendaRow.js';
import { useAgendaRefs } from './useAgendaRefs.js';

interface Props {
  labId: string;
  items: AgendaDraftItem[];
  onChange: (items: AgendaDraftItem[]) => void;
  /** The session's duration as typed (for the total). */
  durationMinutes: number | null;
  errors: PlanErrors['rows'];
  listError?: FieldError;
}

/** The agenda of timed items: add, edit, reorder with buttons (keyboard), remove; total time against the duration. */
export function AgendaEditor({ labId, items, onChange, durationMinutes, errors, listError }: Props) {
  const { t } = useTranslation();
  const refs = useAgendaRefs(labId);
  const [announcement, announce] = useAnnouncer();
  const listRef = useRef<HTMLOListElement>(null);
  const total = totalMinutes(items);
  const fit = durationMinutes ? agendaFit(total, durationMinutes) : null;

  /** After a change the focus stays on the same control of the same row (or a sensible neighbour). */
  function focusLater(rowKey: string, testId: string) {
    requestAnimationFrame(() => {
      const row = listRef.current?.querySelector<HTMLElement>(`[data-row-key="${CSS.escape(rowKey)}"]`);
      const target = row?.querySelector<HTMLElement>(`[data-testid="${testId}"]:not(:disabled)`) ?? row?.querySelector<HTMLElement>('input');
      target?.focus();
    });
  }

  function update(key: string, patch: Partial<AgendaDraftItem>) {
    onChange(items.map((item) => (item.key === key ? { ...item, ...patch, ...(patch.kind && !needsRef(patch.kind) ? { refId: '' } : {}) } : item)));
  }

  function move(index: number, delta: number) {
    const item = items[index];
    if (!item) return;
    const next = moveItem(items, index, delta);
    onChange(next);
    const position = next.indexOf(item) + 1;
    announce(t('sessions.agenda.moved', { title: item.title.trim() || t('sessions.agenda.item', { n: position }), position, total: next.length }));
    const atEdge = delta < 0 ? position === 1 : position === next.length;
    focusLater(item.key, atEdge ? (delta < 0 ? 'agenda-row-down' : 'agenda-row-up') : delta < 0 ? 'agenda-row-up' : 'agenda-row-down');
  }

  function remove(index: number) {
    const item = items[index];
    if (!item) return;
    const next = items.filter((_, i) => i !== index);
    onChange(next);
    announce(t('sessions.agenda.removed', { title: item.title.trim() || t('sessions.agenda.item', { n: index + 1 }) }));
    const neighbour = next[Math.min(index, next.length - 1)];
    if (neighbour) focusLater(neighbour.key, 'agenda-row-title');
    else requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="agenda-add"]')?.focus());
  }

  function add() {
    const item = newAgendaItem();
    onChange([...items, item]);
    focusLater(item.key, 'agenda-row-title');
  }

  return (
    <fieldset className="field agenda-editor" aria-describedby="agenda-total">
      <legend>{t('sessions.agenda.title')}</legend>
      <p className="hint">{t('sessions.agenda.hint')}</p>
      {items.length === 0 ? (
        <p className="muted" data-testid="agenda-empty">
          {t('sessions.agenda.empty')}
        </p>
      ) : null}
      <ol className="agenda-rows" ref={listRef}>
        {items.map((item, index) => (
          <AgendaRow
            key={item.key}
            item={item}
            index={index}
            count={items.length}
            refs={refs.options}
            refsLoading={refs.loading}
            errors={errors[item.key]}
            onChange={(patch) => update(item.key, patch)}
            onMove={(delta) => move(index, delta)}
            onRemove={() => remove(index)}
          />
        ))}
      </ol>
      <ErrorAlert error={refs.error} />
      {listError ? <ErrorAlert error={null} messageKey={listError.key} values={listError.values} /> : null}
      <p
        id="agenda-total"
        className={`agenda-total agenda-total-${fit ?? 'unknown'}`}
        data-testid="agenda-total"
        data-total={total}
        data-duration={durationMinutes ?? ''}
        data-fit={fit ?? ''}
      >
        {durationMinutes ? t(`sessions.agenda.total.${fit}`, { total, duration: durationMinutes, diff: Math.abs(durationMinutes - total) }) : t('sessions.agenda.total.noDuration', { total })}
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button button-secondary"
          data-testid="agenda-add"
          disabled={items.length >= SESSION_LIMITS.agendaItems}
          onClick={add}
        >
          {t('sessions.agenda.add')}
        </button>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </fieldset>
  );
}
