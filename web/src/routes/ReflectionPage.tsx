import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Member, ReflectionDetail } from '@relab/shared';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { Loading } from '../components/Loading.js';
import { useSession } from '../features/auth/useSession.js';
import { reflectionsApi } from '../features/reflections/api.js';
import { ReflectionView } from '../features/reflections/detail/ReflectionView.js';
import { ApiError, api } from '../lib/api.js';
import { useApiQuery } from '../lib/useApiQuery.js';
import { usePageTitle } from '../lib/usePageTitle.js';

/** /labs/:labId/reflections/:reflectionId — one case reflection. */
export function ReflectionPage() {
  const { t } = useTranslation();
  const { labId = '', reflectionId = '' } = useParams();
  const { me } = useSession();
  const navigate = useNavigate();
  const detail = useApiQuery<ReflectionDetail>(() => reflectionsApi.get(labId, reflectionId), [labId, reflectionId]);
  const members = useApiQuery<Member[]>(() => api.listMembers(labId), [labId]);
  // The title of a reflection is not put in the window title: browsers keep that in their history.
  usePageTitle(t('reflections.pageTitle'));

  const back = (
    <p className="breadcrumb">
      <Link to={`/labs/${encodeURIComponent(labId)}/reflections`} data-testid="reflections-back">
        {t('reflections.back')}
      </Link>
    </p>
  );
  // Access ended (sent back, withdrawn, removed from the lab): the text is no longer shown.
  const gone = detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 403);

  if (!detail.data || gone || !me) {
    return (
      <>
        {back}
        <h1>{t('reflections.pageTitle')}</h1>
        {detail.loading && !detail.data ? <Loading /> : null}
        <ErrorAlert error={detail.error} />
      </>
    );
  }

  return (
    <>
      {back}
      <ErrorAlert error={detail.error} />
      <ReflectionView
        key={reflectionId}
        labId={labId}
        detail={detail.data}
        members={members.data}
        me={{ id: me.id, displayName: me.displayName }}
        onDetail={detail.setData}
        reload={detail.reload}
        onSentBack={() => navigate(`/labs/${encodeURIComponent(labId)}/reflections`, { state: { notice: 'sentBack' } })}
      />
    </>
  );
}
