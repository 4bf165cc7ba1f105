import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { LabRole } from '@relab/shared';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { Loading } from '../components/Loading.js';
import { useSession } from '../features/auth/useSession.js';
import { EraseMeSection } from '../features/activity/EraseMeSection.js';
import { ACTIVITY_ROLES } from '../features/activity/roles.js';
import { InvitationsPanel } from '../features/invitations/InvitationsPanel.js';
import { LabOverview } from '../features/labs/LabOverview.js';
import { MembersTable } from '../features/labs/MembersTable.js';
import { useLab } from '../features/labs/useLab.js';
import { usePageTitle } from '../lib/usePageTitle.js';

/** Roles that may open the lab notebook and case reflections (families and returnees have their own, moderated spaces). */
const NOTEBOOK_ROLES: ReadonlySet<LabRole> = new Set<LabRole>(['facilitator', 'practitioner', 'observer']);

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
      <section className="card notebook-card" aria-label={t('lab.workspaces')}>
        {NOTEBOOK_ROLES.has(lab.data.myRole) ? (
          <>
            <h2 id="notebook-link-title" className="h3">
              <Link to={`/labs/${encodeURIComponent(labId)}/notes`} data-testid="lab-notebook-link">
                {t('lab.notebookLink')}
              </Link>
            </h2>
            <p className="muted">{t('lab.notebookHint')}</p>
            <h2 id="reflections-link-title" className="h3">
              <Link to={`/labs/${encodeURIComponent(labId)}/reflections`} data-testid="lab-reflections-link">
                {t('lab.reflectionsLink')}
              </Link>
            </h2>
            <p className="muted">{t('lab.reflectionsHint')}</p>
          </>
        ) : null}
        {/* Whiteboards are for every member: families and returnees write on them too, observers look. */}
        <h2 id="boards-link-title" className="h3">
          <Link to={`/labs/${encodeURIComponent(labId)}/boards`} data-testid="lab-boards-link">
            {t('lab.boardsLink')}
          </Link>
        </h2>
        <p className="muted">{t('lab.boardsHint')}</p>
        {/* Moderated dialogues: families and returnees take part here (observers do not). */}
        {lab.data.myRole !== 'observer' ? (
          <>
            <h2 id="dialogues-link-title" className="h3">
              <Link to={`/labs/${encodeURIComponent(labId)}/dialogues`} data-testid="lab-dialogues-link">
                {t('lab.dialoguesLink')}
              </Link>
            </h2>
            <p className="muted">{t('lab.dialoguesHint')}</p>
          </>
        ) : null}
        <h2 id="sessions-link-title" className="h3">
          <Link to={`/labs/${encodeURIComponent(labId)}/sessions`} data-testid="lab-sessions-link">
            {t('lab.sessionsLink')}
          </Link>
        </h2>
        <p className="muted">{t('lab.sessionsHint')}</p>
        {/* Who connects with whom: aggregated figures for facilitators and observers only. */}
        {ACTIVITY_ROLES.has(lab.data.myRole) ? (
          <>
            <h2 id="activity-link-title" className="h3">
              <Link to={`/labs/${encodeURIComponent(labId)}/activity`} data-testid="lab-activity-link">
                {t('activity.labLink')}
              </Link>
            </h2>
            <p className="muted">{t('activity.labHint')}</p>
          </>
        ) : null}
      </section>
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
      {/* Every member, families and returnees above all: what the statistics count about them, and a way out. */}
      <EraseMeSection labId={labId} />
      {facilitator ? <InvitationsPanel labId={labId} /> : null}
    </>
  );
}
