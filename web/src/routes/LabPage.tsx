import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { Loading } from '../components/Loading.js';
import { useSession } from '../features/auth/useSession.js';
import { InvitationsPanel } from '../features/invitations/InvitationsPanel.js';
import { LabOverview } from '../features/labs/LabOverview.js';
import { MembersTable } from '../features/labs/MembersTable.js';
import { useLab } from '../features/labs/useLab.js';
import { usePageTitle } from '../lib/usePageTitle.js';

/** /labs/:labId — a lab, its ground rules and members; facilitators also manage members and invitations. */
export function LabPage() {
  const { t } = useTranslation();
  const { labId = '' } = useParams();
  const { me } = useSession();
  const { lab, members, updateLab, updateMember, removeMember } = useLab(labId);
  usePageTitle(lab.data?.name ?? t('lab.title'));

  if (lab.loading && !lab.data) return <Loading />;
  if (!lab.data) {
    return (
      <>
        <h1>{t('lab.title')}</h1>
        <ErrorAlert error={lab.error} />
        <p>
          <Link to="/">{t('lab.backToLabs')}</Link>
        </p>
      </>
    );
  }

  const facilitator = lab.data.myRole === 'facilitator';
  return (
    <>
      <p className="breadcrumb">
        <Link to="/">{t('lab.backToLabs')}</Link>
      </p>
      <LabOverview lab={lab.data} onUpdate={updateLab} />
      <section aria-labelledby="members-title">
        <h2 id="members-title">{t('members.title')}</h2>
        {members.loading && !members.data ? <Loading /> : null}
        <ErrorAlert error={members.error} />
        {members.data ? (
          <MembersTable
            members={members.data}
            myUserId={me?.id}
            manage={facilitator}
            onUpdate={updateMember}
            onRemove={removeMember}
          />
        ) : null}
      </section>
      {facilitator ? <InvitationsPanel labId={labId} /> : null}
    </>
  );
}
