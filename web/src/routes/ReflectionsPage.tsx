import { useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Lab, LabRole, ReflectionSummary } from '@relab/shared';
import { CreatePanel } from '../components/CreatePanel.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { Loading } from '../components/Loading.js';
import { useSession } from '../features/auth/useSession.js';
import { reflectionsApi, type ReflectionFilters } from '../features/reflections/api.js';
import { NewReflectionForm } from '../features/reflections/list/NewReflectionForm.js';
import { ReflectionCard } from '../features/reflections/list/ReflectionCard.js';
import { ReflectionFiltersBar } from '../features/reflections/list/ReflectionFiltersBar.js';
import { api } from '../lib/api.js';
import { useApiQuery } from '../lib/useApiQuery.js';
import { usePageTitle } from '../lib/usePageTitle.js';

/** Roles that write reflections (observers read shared ones). */
const WRITER_ROLES: ReadonlySet<LabRole> = new Set<LabRole>(['facilitator', 'practitioner']);
/** The list is looked at again this often while the page is visible (a reviewer sees a new request without reloading). */
const REFRESH_MS = 30_000;

/** /labs/:labId/reflections — the lab's case reflections I may see, with filters, and a new one. */
export function ReflectionsPage() {
  const { t } = useTranslation();
  const { labId = '' } = useParams();
  const { me } = useSession();
  const [filters, setFilters] = useState<ReflectionFilters>({});
  // A notice handed over by the page we come from (e.g. a reviewer who sent a reflection back).
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const [knownTags, setKnownTags] = useState<string[]>([]);
  const lab = useApiQuery<Lab>(() => api.getLab(labId), [labId]);
  const list = useApiQuery<ReflectionSummary[]>(
    () => reflectionsApi.list(labId, filters),
    [labId, filters.domain, filters.tag, filters.status],
  );
  usePageTitle(lab.data ? `${t('reflections.title')} · ${lab.data.name}` : t('reflections.title'));

  // Tags to filter on: every tag seen on this page (a tag filter must not make the other tags disappear).
  useEffect(() => {
    const seen = list.data?.flatMap((r) => r.tags) ?? [];
    if (seen.length === 0) return;
    setKnownTags((current) => {
      const merged = [...new Set([...current, ...seen])].sort((a, b) => a.localeCompare(b));
      return merged.length === current.length ? current : merged;
    });
  }, [list.data]);

  const { reload } = list;
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') reload();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  const canWrite = lab.data ? WRITER_ROLES.has(lab.data.myRole) : false;
  const filtered = Boolean(filters.domain || filters.tag || filters.status);

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/labs/${encodeURIComponent(labId)}`}>{t('notes.backToLab')}</Link>
      </p>
      <header className="notes-header">
        <h1 data-testid="reflections-title">{t('reflections.title')}</h1>
        {lab.data ? <p className="notes-lab-name">{lab.data.name}</p> : null}
        <p className="muted">{t('reflections.intro')}</p>
      </header>
      <ErrorAlert error={lab.error} />
      {notice === 'sentBack' ? (
        <p className="alert alert-success" role="status" data-testid="reflections-notice">
          {t('reflections.list.sentBack')}
        </p>
      ) : null}

      {canWrite ? (
        <CreatePanel
          title={t('reflections.new.title')}
          headingId="new-reflection-title"
          buttonTestId="reflection-new"
          extra={
            lab.data?.myRole === 'facilitator' ? (
              <Link className="button button-secondary" to={`/labs/${encodeURIComponent(labId)}/reflection-template`} data-testid="template-link">
                {t('reflections.template.link')}
              </Link>
            ) : null
          }
        >
          {(close) => <NewReflectionForm labId={labId} onCancel={close} />}
        </CreatePanel>
      ) : null}

      <section aria-labelledby="reflections-list-title">
        <div className="versions-list-head">
          <h2 id="reflections-list-title">{t('reflections.list.title')}</h2>
          <button type="button" className="button button-secondary button-small" onClick={reload}>
            {t('reflections.list.refresh')}
          </button>
        </div>
        <ReflectionFiltersBar filters={filters} onChange={setFilters} tags={knownTags} />
        {list.loading && !list.data ? <Loading /> : null}
        <ErrorAlert error={list.error} />
        {list.data && list.data.length === 0 ? (
          <p className="muted" data-testid="reflections-empty">
            {filtered ? t('reflections.list.emptyFiltered') : t('reflections.list.empty')}
          </p>
        ) : null}
        {list.data && list.data.length > 0 ? (
          <ul className="reflection-list" data-testid="reflections-list">
            {list.data.map((r) => (
              <ReflectionCard key={r.id} labId={labId} reflection={r} myUserId={me?.id} />
            ))}
          </ul>
        ) : null}
      </section>
    </>
  );
}
