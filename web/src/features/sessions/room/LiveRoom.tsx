import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveState, SessionDetail, SessionReport } from '@relab/shared';
import { ConfirmButton } from '../../../components/ConfirmButton.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useAction } from '../../../lib/useAction.js';
import { sessionsApi } from '../api.js';
import { itemChange } from '../live.js';
import { useAnnouncer } from '../useAnnouncer.js';
import { AgendaList, agendaItemElementId } from './AgendaList.js';
import { BringNotice } from './BringNotice.js';
import { CurrentItem } from './CurrentItem.js';
import { HandsPanel } from './HandsPanel.js';
import { PresencePanel } from './PresencePanel.js';
import { SessionNotes } from './SessionNotes.js';
import type { SessionRoom } from './useSessionRoom.js';

interface Props {
  session: SessionDetail;
  room: SessionRoom;
  timeZone: string;
  onEnded: (report: SessionReport) => void;
}

const reducedMotion = () => typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

/**
 * The live session: current item and timer, the agenda, raised hands, who is present, the notes; facilitators
 * move through the agenda, run the timer, bring everyone to an item and end the session.
 */
export function LiveRoom({ session, room, timeZone, onEnded }: Props) {
  const { t } = useTranslation();
  const live = room.live;
  const facilitator = session.me.facilitator;
  const control = useAction();
  const hand = useAction();
  const ending = useAction();
  const [announcement, announce] = useAnnouncer();
  const [brought, setBrought] = useState<string | null>(null);
  const titleOf = useCallback((itemId: string | null) => session.agenda.find((i) => i.id === itemId)?.title ?? '', [session.agenda]);

  // Screen readers hear a new current item (and "time is up", below), never the ticking timer.
  const currentItemId = live?.state.currentItemId ?? null;
  const previousItem = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (!live) return;
    const changed = itemChange(previousItem.current, currentItemId);
    previousItem.current = currentItemId;
    if (changed) announce(t('sessions.live.nowAnnounced', { title: titleOf(changed) }));
  }, [live, currentItemId, announce, t, titleOf]);

  // "Bring everyone": highlight the item, scroll it into view (focus stays where it is: someone may be typing).
  // Texts are read through a ref: a new agenda (the session fetched again) or language must not bring anyone again.
  const bring = room.bring;
  const bringText = useRef((itemId: string) => t('sessions.bring.announced', { title: titleOf(itemId) }));
  bringText.current = (itemId: string) => t('sessions.bring.announced', { title: titleOf(itemId) });
  useEffect(() => {
    if (!bring) return;
    setBrought(bring.itemId);
    announce(bringText.current(bring.itemId));
    requestAnimationFrame(() =>
      document.getElementById(agendaItemElementId(bring.itemId))?.scrollIntoView({ block: 'center', behavior: reducedMotion() ? 'auto' : 'smooth' }),
    );
  }, [bring, announce]);

  if (!live) return null;
  const state = live.state;
  const current = session.agenda.find((i) => i.id === state.currentItemId) ?? null;
  const broughtItem = brought ? session.agenda.find((i) => i.id === brought) ?? null : null;
  const act = (task: () => Promise<LiveState>) => control.run(task).then((s) => s && room.acceptState(s));
  const { labId, id } = session;

  return (
    <div className="session-room" data-testid="live-room">
      <div className="session-room-main">
        {broughtItem ? <BringNotice labId={labId} item={broughtItem} onDismiss={() => setBrought(null)} /> : null}
        <CurrentItem
          labId={labId}
          item={current}
          live={live}
          onTimeUp={() => announce(t('sessions.timer.timeUpAnnounced', { title: current?.title ?? '' }))}
          controls={facilitator ? { onTimer: (action) => act(() => sessionsApi.timer(labId, id, action)), pending: control.pending, error: control.error } : undefined}
        />
        <section aria-labelledby="live-agenda-title">
          <h2 id="live-agenda-title">{t('sessions.agenda.title')}</h2>
          <AgendaList
            labId={labId}
            items={session.agenda}
            currentItemId={state.currentItemId}
            coveredItemIds={state.coveredItemIds}
            broughtItemId={brought}
            linksInNewTab
            controls={
              facilitator
                ? {
                    pending: control.pending,
                    onSetCurrent: (itemId) => act(() => sessionsApi.setItem(labId, id, itemId)),
                    onBring: (itemId) => void control.run(() => sessionsApi.bring(labId, id, itemId)),
                  }
                : undefined
            }
          />
        </section>
        <SessionNotes docName={session.notesDocName} />
      </div>
      <aside className="session-room-side" aria-label={t('sessions.live.side')}>
        <PresencePanel members={room.presence} myMemberId={session.me.memberId} connection={room.connection} />
        <HandsPanel
          state={state}
          myMemberId={session.me.memberId}
          timeZone={timeZone}
          facilitator={facilitator}
          canRaise={session.me.role !== 'observer'}
          pending={hand.pending}
          error={hand.error}
          onHand={(raised) => void hand.run(() => sessionsApi.hand(labId, id, raised)).then((s) => s && room.acceptState(s))}
          onLower={(memberId) => void hand.run(() => sessionsApi.lowerHand(labId, id, memberId)).then((s) => s && room.acceptState(s))}
        />
        {facilitator ? (
          <section className="side-panel session-end" aria-labelledby="session-end-title">
            <h2 id="session-end-title" className="h3">
              {t('sessions.live.endTitle')}
            </h2>
            <p className="hint">{t('sessions.live.endHint')}</p>
            <ConfirmButton
              label={t('sessions.live.end')}
              question={t('sessions.live.endQuestion')}
              confirmLabel={t('sessions.live.endConfirm')}
              disabled={ending.pending}
              testId="session-end"
              onConfirm={async () => {
                const report = await ending.run(() => sessionsApi.end(labId, id));
                if (report) onEnded(report);
              }}
            />
            <ErrorAlert error={ending.error} />
          </section>
        ) : null}
      </aside>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="session-announcer">
        {announcement}
      </p>
    </div>
  );
}
