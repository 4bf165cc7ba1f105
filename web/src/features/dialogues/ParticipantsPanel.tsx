import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DialogueDetail, Member } from '@relab/shared';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { api } from '../../lib/api.js';
import { useAction } from '../../lib/useAction.js';
import { InviteParticipantForm } from '../invitations/InviteParticipantForm.js';
import { dialoguesApi } from './api.js';

interface Props {
  labId: string;
  dialogue: DialogueDetail;
  /** The lab's members (facilitators only: to add people); undefined while loading or for others. */
  members: Member[] | undefined;
  facilitator: boolean;
  onChanged: (dialogue: DialogueDetail | null) => void;
}

/** Who takes part (and who moderates); facilitators add and remove people, and invite someone straight into the dialogue. */
export function ParticipantsPanel({ labId, dialogue, members, facilitator, onChanged }: Props) {
  const { t } = useTranslation();
  const remove = useAction();
  const [inviting, setInviting] = useState(false);
  const inviteButton = useRef<HTMLButtonElement>(null);

  return (
    <section className="side-panel dlg-panel" aria-labelledby="dlg-people-title" data-testid="dialogue-participants">
      <h2 id="dlg-people-title">{t('dialogues.people.title', { count: dialogue.participants.length })}</h2>
      <ul className="dlg-people">
        {dialogue.participants.map((p) => (
          <li key={p.memberId} data-testid="participant" data-member-id={p.memberId} data-moderator={p.moderator}>
            <span className="dlg-person" translate="no">
              {p.displayName}
            </span>
            <span className="muted"> · {t(`roles.${p.role}`)}</span>
            {p.moderator ? <span className="badge">{t('dialogues.people.moderator')}</span> : null}
            {p.memberId === dialogue.me.memberId ? <span className="badge">{t('members.you')}</span> : null}
            {facilitator && p.memberId !== dialogue.me.memberId ? (
              <ConfirmButton
                label={t('dialogues.people.remove')}
                ariaLabel={t('dialogues.people.removeLabel', { name: p.displayName })}
                question={t('dialogues.people.removeQuestion', { name: p.displayName })}
                confirmLabel={t('dialogues.people.removeConfirm')}
                disabled={remove.pending}
                testId="participant-remove"
                onConfirm={async () => {
                  const done = await remove.run(() => dialoguesApi.removeParticipant(labId, dialogue.id, p.memberId).then(() => true));
                  if (done) onChanged(null);
                }}
              />
            ) : null}
          </li>
        ))}
      </ul>
      <ErrorAlert error={remove.error} />
      {facilitator && members ? <AddPeopleForm labId={labId} dialogue={dialogue} members={members} onAdded={onChanged} /> : null}
      {facilitator ? (
        <>
          <p>
            <button
              type="button"
              ref={inviteButton}
              className="button button-secondary"
              data-testid="dialogue-invite"
              aria-expanded={inviting}
              onClick={() => setInviting((v) => !v)}
            >
              {t('dialogues.invite.open')}
            </button>
          </p>
          {inviting ? (
            <InviteParticipantForm
              title={t('dialogues.invite.title')}
              intro={t('dialogues.invite.intro')}
              onCreate={(body) => api.createInvitation(labId, { ...body, dialogueId: dialogue.id })}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function AddPeopleForm({ labId, dialogue, members, onAdded }: { labId: string; dialogue: DialogueDetail; members: Member[]; onAdded: (d: DialogueDetail) => void }) {
  const { t } = useTranslation();
  const action = useAction();
  const [memberId, setMemberId] = useState('');
  const [moderator, setModerator] = useState(false);
  const inDialogue = new Set(dialogue.participants.map((p) => p.memberId));
  const candidates = members.filter((m) => m.role !== 'observer' && !inDialogue.has(m.id));
  const chosen = candidates.find((m) => m.id === memberId);
  const canModerate = chosen?.role === 'practitioner';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!chosen) return;
    const updated = await action.run(() => dialoguesApi.addParticipants(labId, dialogue.id, [chosen.id], canModerate && moderator));
    if (updated) {
      setMemberId('');
      setModerator(false);
      onAdded(updated);
    }
  }

  if (candidates.length === 0) return <p className="muted">{t('dialogues.people.everyoneIn')}</p>;
  return (
    <form className="dlg-add-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="dlg-add-member">{t('dialogues.people.add')}</label>
        <select id="dlg-add-member" data-testid="participant-add-member" value={memberId} onChange={(e) => setMemberId(e.target.value)}>
          <option value="">{t('dialogues.people.choose')}</option>
          {candidates.map((m) => (
            <option key={m.id} value={m.id}>
              {m.displayName} ({t(`roles.${m.role}`)})
            </option>
          ))}
        </select>
      </div>
      {canModerate ? (
        <label className="checkbox">
          <input type="checkbox" data-testid="participant-add-moderator" checked={moderator} onChange={(e) => setModerator(e.target.checked)} />
          {t('dialogues.people.asModerator')}
        </label>
      ) : null}
      <ErrorAlert error={action.error} />
      <button type="submit" className="button button-secondary" data-testid="participant-add-submit" disabled={!chosen || action.pending}>
        {t('dialogues.people.addSubmit')}
      </button>
    </form>
  );
}
