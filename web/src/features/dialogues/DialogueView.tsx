import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { DialogueDetail, DialogueMessage, Language, Member, ModerateRequest, Reaction, UpdateDialogueRequest } from '@relab/shared';
import { dialoguesApi } from './api.js';
import { mentionTargets } from './compose.js';
import { Composer, type ComposerHandle } from './Composer.js';
import { DialogueControls } from './DialogueControls.js';
import { DialogueEditPanel } from './DialogueEditForm.js';
import { DialogueStatus } from './DialogueStatus.js';
import { ExitScreen, type ExitKind, type ExitNotice } from './ExitScreen.js';
import type { MessageHandlers } from './MessageItem.js';
import { MessageList } from './MessageList.js';
import { ModerationPanel } from './ModerationPanel.js';
import type { OutboxEntry } from './outbox.js';
import { ParticipantsPanel } from './ParticipantsPanel.js';
import { useAnnouncements } from './useAnnouncements.js';
import { useDialogueThread } from './useDialogueThread.js';
import { useModerationQueue } from './useModerationQueue.js';
import { useOutbox } from './useOutbox.js';

interface Props {
  labId: string;
  dialogue: DialogueDetail;
  userId: string;
  /** Families and returnees: the calm, phone-first view. */
  simple: boolean;
  facilitator: boolean;
  /** The lab's members, for facilitators (to add people). */
  members: Member[] | undefined;
  language: Language;
  setDialogue: (dialogue: DialogueDetail) => void;
  reload: () => void;
  onExit: (notice: ExitNotice) => void;
}

/** A dialogue once its ground rules are accepted: the live thread and the composer; moderation for moderators. */
export function DialogueView({ labId, dialogue, userId, simple, facilitator, members, language, setDialogue, reload, onExit }: Props) {
  const { t } = useTranslation();
  const [screen, setScreen] = useState<'thread' | ExitKind>('thread');
  const [replyTo, setReplyTo] = useState<DialogueMessage | null>(null);
  const composer = useRef<ComposerHandle>(null);
  const exitButton = useRef<ExitKind | null>(null);
  const moderator = dialogue.me.moderator;
  const flushRef = useRef<() => void>(() => undefined);

  const thread = useDialogueThread({ labId, dialogueId: dialogue.id, onUpdated: reload, onResubscribed: () => flushRef.current() });
  const outbox = useOutbox({ labId, dialogueId: dialogue.id, userId, store: thread.store, canSend: !dialogue.paused || moderator });
  flushRef.current = outbox.flush;
  const queue = useModerationQueue(labId, dialogue.id, moderator, thread.resync);
  const announcement = useAnnouncements(thread.store);
  const { store } = thread;
  const { reload: reloadQueue } = queue;

  // Refused by the live channel (rules changed, removed from the dialogue): the dialogue itself tells what to show.
  const liveCode = thread.live.code;
  useEffect(() => {
    if (thread.live.status === 'refused') reload();
  }, [thread.live.status, liveCode, reload]);

  const handlers = useMemo<Omit<MessageHandlers, 'jumpTo'>>(
    () => ({
      react: async (messageId: string, reaction: Reaction, on: boolean) => {
        const m = await dialoguesApi.react(labId, dialogue.id, messageId, reaction, on);
        store.applyMessage(m);
        return m;
      },
      flag: async (messageId: string) => {
        const m = await dialoguesApi.flag(labId, dialogue.id, messageId);
        store.applyMessage(m);
        return m;
      },
      moderate: async (messageId: string, request: ModerateRequest) => {
        const m = await dialoguesApi.moderate(labId, dialogue.id, messageId, request);
        store.applyMessage(m);
        reloadQueue();
        return m;
      },
      reply: (message: DialogueMessage) => {
        setReplyTo(message);
        requestAnimationFrame(() => composer.current?.focus());
      },
    }),
    [labId, dialogue.id, store, reloadQueue],
  );

  const update = useCallback(
    async (patch: UpdateDialogueRequest) => {
      const updated = await dialoguesApi.update(labId, dialogue.id, patch);
      setDialogue(updated);
      return updated;
    },
    [labId, dialogue.id, setDialogue],
  );

  const editUnsent = useCallback(
    (entry: OutboxEntry) => {
      composer.current?.load(entry);
      outbox.discard(entry.clientId);
    },
    [outbox],
  );

  const targets = useMemo(() => mentionTargets(dialogue.participants, dialogue.me.memberId), [dialogue.participants, dialogue.me.memberId]);
  const mayWrite = !dialogue.paused || moderator;

  if (screen !== 'thread') {
    return (
      <div className={simple ? 'dlg dlg-simple' : 'dlg'}>
        <ExitScreen
          kind={screen}
          labId={labId}
          dialogueId={dialogue.id}
          memberId={dialogue.me.memberId}
          onDone={onExit}
          onCancel={() => {
            exitButton.current = screen;
            setScreen('thread');
          }}
        />
      </div>
    );
  }

  const exitButtons = dialogue.me.participant ? (
    <ExitButtons simple={simple} returnFocusTo={exitButton} onChoose={setScreen} />
  ) : null;

  return (
    <div className={simple ? 'dlg dlg-simple' : 'dlg'} data-testid="dialogue" data-view={simple ? 'simple' : 'full'}>
      <DialogueStatus dialogue={dialogue} live={thread.live.status} simple={simple} behind={!!thread.syncError} />
      <div className="dlg-layout">
        <section className="dlg-main" aria-labelledby="dlg-thread-title">
          <h2 id="dlg-thread-title" className={simple ? 'visually-hidden' : undefined}>
            {t('dialogues.thread.heading')}
          </h2>
          <MessageList
            state={thread.state}
            myMemberId={dialogue.me.memberId}
            moderator={moderator}
            writable={mayWrite}
            simple={simple}
            handlers={handlers}
            outbox={outbox}
            onEditUnsent={editUnsent}
          />
          <p className="visually-hidden" role="status" aria-live="polite" data-testid="dialogue-announcer">
            {announcement}
          </p>
          <Composer
              ref={composer}
              targets={targets}
              defaultLanguage={language}
              replyTo={replyTo}
              onCancelReply={() => {
                setReplyTo(null);
                composer.current?.focus();
              }}
              moderated={dialogue.me.moderated}
              paused={!mayWrite}
              simple={simple}
              onSend={(draft) => {
                const ok = outbox.add(draft);
                if (ok) setReplyTo(null);
                return ok;
              }}
            />
          {simple ? <footer className="dlg-exits">{exitButtons}</footer> : null}
        </section>
        {!simple ? (
          <aside className="dlg-side" aria-label={t('dialogues.side')}>
            {moderator ? <ModerationPanel queue={queue} onModerate={handlers.moderate} /> : null}
            {moderator ? <DialogueControls dialogue={dialogue} onUpdate={update} /> : null}
            {facilitator ? <DialogueEditPanel dialogue={dialogue} onUpdate={update} /> : null}
            <ParticipantsPanel
              labId={labId}
              dialogue={dialogue}
              members={facilitator ? members : undefined}
              facilitator={facilitator}
              onChanged={(d) => (d ? setDialogue(d) : reload())}
            />
            {exitButtons ? (
              <section className="side-panel dlg-panel" aria-labelledby="dlg-mine-title">
                <h2 id="dlg-mine-title">{t('dialogues.mine.title')}</h2>
                {exitButtons}
              </section>
            ) : null}
          </aside>
        ) : null}
      </div>
    </div>
  );
}

function ExitButtons({ simple, returnFocusTo, onChoose }: { simple: boolean; returnFocusTo: RefObject<ExitKind | null>; onChoose: (kind: ExitKind) => void }) {
  const { t } = useTranslation();
  const focusRef = (kind: ExitKind) => (el: HTMLButtonElement | null) => {
    if (el && returnFocusTo.current === kind) {
      returnFocusTo.current = null;
      el.focus();
    }
  };
  return (
    <div className={simple ? 'dlg-exit-links' : 'button-row'}>
      <button type="button" ref={focusRef('leave')} className="button button-secondary" data-testid="dialogue-leave" onClick={() => onChoose('leave')}>
        {t('dialogues.leave.button')}
      </button>
      <button type="button" ref={focusRef('erase')} className="button button-danger-outline" data-testid="dialogue-erase" onClick={() => onChoose('erase')}>
        {t('dialogues.erase.button')}
      </button>
    </div>
  );
}
