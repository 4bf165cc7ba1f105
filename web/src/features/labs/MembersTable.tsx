import { useTranslation } from 'react-i18next';
import type { Member, UpdateMemberRequest } from '@relab/shared';
import { MemberRow } from './MemberRow.js';

interface Props {
  members: Member[];
  myUserId: string | undefined;
  manage: boolean;
  onUpdate: (memberId: string, patch: UpdateMemberRequest) => Promise<unknown>;
  onRemove: (memberId: string) => Promise<unknown>;
}

/** Members of a lab. On a narrow screen each row becomes a small card (see .stack-table in the CSS). */
export function MembersTable({ members, myUserId, manage, onUpdate, onRemove }: Props) {
  const { t } = useTranslation();
  if (members.length === 0) return <p className="muted">{t('members.empty')}</p>;
  return (
    <table className="stack-table" data-testid="members-table">
      <caption className="visually-hidden">{t('members.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('members.name')}</th>
          <th scope="col">{t('members.role')}</th>
          <th scope="col">{t('members.sector')}</th>
          <th scope="col">{t('members.language')}</th>
          {manage ? <th scope="col">{t('members.actions')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {members.map((member) => (
          <MemberRow
            key={member.id}
            member={member}
            isMe={member.userId === myUserId}
            manage={manage}
            onUpdate={onUpdate}
            onRemove={onRemove}
          />
        ))}
      </tbody>
    </table>
  );
}
