import { useTranslation } from 'react-i18next';
import {
  PROFESSIONAL_ROLES,
  PSEUDONYMOUS_ROLES,
  SECTOR_IDS,
  isPseudonymousRole,
  type LabRole,
  type Member,
  type Sector,
  type UpdateMemberRequest,
} from '@relab/shared';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useAction } from '../../lib/useAction.js';

interface Props {
  member: Member;
  isMe: boolean;
  /** Facilitators may change roles and sectors and remove members. */
  manage: boolean;
  onUpdate: (memberId: string, patch: UpdateMemberRequest) => Promise<unknown>;
  onRemove: (memberId: string) => Promise<unknown>;
}

/**
 * One member. Families and returnees appear by the name they chose only: no sector, no e-mail, no municipality.
 * A role can only change within its kind (a family member cannot become a facilitator, a judge cannot become "family").
 */
export function MemberRow({ member, isMe, manage, onUpdate, onRemove }: Props) {
  const { t } = useTranslation();
  const action = useAction();
  const pseudonymous = isPseudonymousRole(member.role);
  const roleOptions: readonly LabRole[] = pseudonymous ? PSEUDONYMOUS_ROLES : PROFESSIONAL_ROLES;
  const name = member.displayName;

  return (
    <tr data-testid="member-row">
      <th scope="row" data-label={t('members.name')}>
        <span className="member-name" translate="no">
          {name}
        </span>
        {isMe ? <span className="badge">{t('members.you')}</span> : null}
        {manage && !pseudonymous && member.email ? <span className="member-email">{member.email}</span> : null}
      </th>
      <td data-label={t('members.role')}>
        {manage ? (
          <>
            <label className="visually-hidden" htmlFor={`member-role-${member.id}`}>
              {t('members.changeRole', { name })}
            </label>
            <select
              id={`member-role-${member.id}`}
              data-testid="member-role"
              value={member.role}
              disabled={action.pending}
              onChange={(e) => void action.run(() => onUpdate(member.id, { role: e.target.value as LabRole }))}
            >
              {roleOptions.map((role) => (
                <option key={role} value={role}>
                  {t(`roles.${role}`)}
                </option>
              ))}
            </select>
          </>
        ) : (
          t(`roles.${member.role}`)
        )}
      </td>
      <td data-label={t('members.sector')}>
        {pseudonymous ? (
          <>
            <span aria-hidden="true">—</span>
            <span className="visually-hidden">{t('members.noSector')}</span>
          </>
        ) : manage ? (
          <>
            <label className="visually-hidden" htmlFor={`member-sector-${member.id}`}>
              {t('members.changeSector', { name })}
            </label>
            <select
              id={`member-sector-${member.id}`}
              data-testid="member-sector"
              value={member.sector ?? ''}
              disabled={action.pending}
              onChange={(e) =>
                void action.run(() => onUpdate(member.id, { sector: (e.target.value || null) as Sector | null }))
              }
            >
              <option value="">{t('members.sectorUnknown')}</option>
              {SECTOR_IDS.map((sector) => (
                <option key={sector} value={sector}>
                  {t(`sectors.${sector}`)}
                </option>
              ))}
            </select>
          </>
        ) : member.sector ? (
          t(`sectors.${member.sector}`)
        ) : (
          t('members.sectorUnknown')
        )}
      </td>
      <td data-label={t('members.language')}>{t(`languages.${member.language}`)}</td>
      {manage ? (
        <td data-label={t('members.actions')}>
          <ConfirmButton
            label={t('members.remove')}
            ariaLabel={t('members.removeLabel', { name })}
            question={isMe ? t('members.removeSelfQuestion') : t('members.removeQuestion', { name })}
            confirmLabel={t('members.removeConfirm')}
            disabled={action.pending}
            testId="member-remove"
            onConfirm={() => action.run(() => onRemove(member.id))}
          />
          <ErrorAlert error={action.error} />
        </td>
      ) : null}
    </tr>
  );
}
