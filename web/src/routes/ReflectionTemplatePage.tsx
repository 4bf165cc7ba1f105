import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Lab, ReflectionTemplate } from '@relab/shared';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { Loading } from '../components/Loading.js';
import { reflectionsApi } from '../features/reflections/api.js';
import { TemplateEditor } from '../features/reflections/template/TemplateEditor.js';
import { api } from '../lib/api.js';
import { useApiQuery } from '../lib/useApiQuery.js';
import { usePageTitle } from '../lib/usePageTitle.js';

/** /labs/:labId/reflection-template — the headings and prompts of new reflections (facilitators). */
export function ReflectionTemplatePage() {
  const { t } = useTranslation();
  const { labId = '' } = useParams();
  const lab = useApiQuery<Lab>(() => api.getLab(labId), [labId]);
  const template = useApiQuery<ReflectionTemplate>(() => reflectionsApi.template(labId), [labId]);
  usePageTitle(t('reflections.template.title'));
  const facilitator = lab.data?.myRole === 'facilitator';

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/labs/${encodeURIComponent(labId)}/reflections`}>{t('reflections.back')}</Link>
      </p>
      <h1>{t('reflections.template.title')}</h1>
      <p className="muted">{t('reflections.template.intro')}</p>
      <ErrorAlert error={lab.error ?? template.error} />
      {(lab.loading && !lab.data) || (template.loading && !template.data) ? <Loading /> : null}
      {lab.data && !facilitator ? <p className="alert alert-info">{t('reflections.template.onlyFacilitators')}</p> : null}
      {facilitator && template.data ? <TemplateEditor labId={labId} initial={template.data} /> : null}
    </>
  );
}
