import { useTranslation } from 'react-i18next';
import { isPseudonymousRole, type Member } from '@relab/shared';

interface Props {
  /** Members who can take part (observers and I are left out by the caller). */
  members: Member[];
  participants: ReadonlySet<string>;
  moderators: ReadonlySet<string>;
  onToggleParticipant: (memberId: string, on: boolean) => void;
  onToggleModerator: (memberId: string, on: boolean) => void;
}

/**
 * Who takes part, from the lab's members: families and returnees (by pseudonym), then professionals, of whom
 * practitioners can be named moderator (facilitators always moderate).
 */
export function MemberPicker({ members, participants, moderators, onToggleParticipant, onToggleModerator }: Props) {
  const { t } = useTranslation();
  const families = members.filter((m) => isPseudonymousRole(m.role));
  const professionals = members.filter((m) => !isPseudonymousRole(m.role));
  if (members.length === 0) return <p className="muted">{t('dialogues.new.noMembers')}</p>;

  const row = (m: Member, professional: boolean) => (
    <li key={m.id} className="dlg-pick">
      <label className="checkbox">
        <input
          type="checkbox"
          data-testid="dialogue-new-participant"
          data-member-id={m.id}
          checked={participants.has(m.id) || moderators.has(m.id)}
          onChange={(e) => onToggleParticipant(m.id, e.target.checked)}
        />
        <span translate="no">{m.displayName}</span>
        <span className="muted">
          · {t(`roles.${m.role}`)}
          {m.sector ? `, ${t(`sectors.${m.sector}`)}` : ''}
        </span>
      </label>
      {professional && m.role === 'practitioner' ? (
        <label className="checkbox dlg-pick-moderator">
          <input
            type="checkbox"
            data-testid="dialogue-new-moderator"
            data-member-id={m.id}
            checked={moderators.has(m.id)}
            onChange={(e) => onToggleModerator(m.id, e.target.checked)}
          />
          <span>{t('dialogues.new.moderates')}</span>
          <span className="visually-hidden"> ({m.displayName})</span>
        </label>
      ) : null}
      {m.role === 'facilitator' ? <span className="hint dlg-pick-moderator">{t('dialogues.new.alwaysModerates')}</span> : null}
    </li>
  );

  return (
    <>
      {families.length > 0 ? (
        <fieldset className="field">
          <legend>{t('dialogues.new.families')}</legend>
          <ul className="dlg-pick-list">{families.map((m) => row(m, false))}</ul>
        </fieldset>
      ) : null}
      {professionals.length > 0 ? (
        <fieldset className="field">
          <legend>{t('dialogues.new.professionals')}</legend>
          <ul className="dlg-pick-list">{professionals.map((m) => row(m, true))}</ul>
        </fieldset>
      ) : null}
    </>
  );
}
