import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SessionReport } from '@relab/shared';
import { numberFormat } from '../../../lib/format.js';
import { VersionViewer } from '../../notes/VersionViewer.js';
import { asLanguage } from '../../reflections/labels.js';
import { docKind, docPath } from '../agenda.js';
import { sessionLinks } from '../api.js';
import { SessionWhen } from '../list/SessionWhen.js';
import { SESSION_NOTES_FIELD } from '../room/SessionNotes.js';
import { formatClockTime } from '../time.js';

/**
 * The report of an ended session: who attended, by stakeholder group (families and returnees by pseudonym), the
 * items covered with the minutes spent, the version saved of every document touched, and the exports.
 */
export function SessionReportView({ report, timeZone }: { report: SessionReport; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const [viewing, setViewing] = useState<{ docName: string; versionId: string } | null>(null);
  const { session } = report;
  const language = asLanguage(i18n.language);
  const minutes = numberFormat(language, { maximumFractionDigits: 1 });
  const clock = (iso: string | null) => (iso ? formatClockTime(iso, language, timeZone) : '–');
  const attendees = report.attendance.reduce((n, g) => n + g.members.length, 0);

  function closeViewer() {
    const current = viewing;
    setViewing(null);
    requestAnimationFrame(() => {
      if (current) document.querySelector<HTMLElement>(`button[data-version-id="${CSS.escape(current.versionId)}"]`)?.focus();
    });
  }

  return (
    <>
      <header className="session-header">
        <h1 data-testid="report-title">{t('sessions.report.title', { title: session.title })}</h1>
        <dl className="facts session-facts" data-testid="report-summary">
          <div>
            <dt>{t('sessions.details.when')}</dt>
            <dd>
              <SessionWhen session={session} timeZone={timeZone} />
            </dd>
          </div>
          <div>
            <dt>{t('sessions.report.ran')}</dt>
            <dd data-testid="report-ran">
              {clock(report.startedAt)}–{clock(report.endedAt)}
            </dd>
          </div>
          <div>
            <dt>{t('sessions.report.attendees')}</dt>
            <dd data-testid="report-attendee-count">{attendees}</dd>
          </div>
        </dl>
      </header>

      <section className="card report-exports" aria-labelledby="report-exports-title" data-testid="report-exports">
        <h2 id="report-exports-title" className="h3">
          {t('sessions.report.exports')}
        </h2>
        <div className="button-row">
          <a className="button button-secondary" href={sessionLinks.report(session.labId, session.id, 'md', language)} download data-testid="report-export-md">
            {t('sessions.report.exportMd')}
          </a>
          <a className="button button-secondary" href={sessionLinks.report(session.labId, session.id, 'pdf', language)} download data-testid="report-export-pdf">
            {t('sessions.report.exportPdf')}
          </a>
        </div>
        <p className="hint">{t('sessions.report.exportHint', { language: t(`languages.${language}`) })}</p>
      </section>

      <section aria-labelledby="report-attendance-title" data-testid="report-attendance">
        <h2 id="report-attendance-title">{t('sessions.report.attendance')}</h2>
        {report.attendance.length === 0 ? <p className="muted">{t('sessions.report.nobody')}</p> : null}
        {report.attendance.map((group) => (
          <div className="report-group" key={group.group} data-testid="report-group" data-group={group.group}>
            <h3>
              {t(`sessions.groups.${group.group}`)} <span className="badge">{group.members.length}</span>
            </h3>
            <ul className="report-attendees">
              {group.members.map((m) => (
                <li key={m.memberId} data-testid="report-attendee" data-member-id={m.memberId}>
                  <span className="report-attendee-name" translate="no">
                    {m.displayName}
                  </span>{' '}
                  <span className="muted">
                    {t(`roles.${m.role}`)} · {t('sessions.report.present', { from: clock(m.firstSeenAt), to: clock(m.lastSeenAt) })}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>

      <section aria-labelledby="report-items-title" data-testid="report-items">
        <h2 id="report-items-title">{t('sessions.report.items')}</h2>
        {report.itemsCovered.length === 0 ? (
          <p className="muted">{t('sessions.report.noItems')}</p>
        ) : (
          <ol className="report-items">
            {report.itemsCovered.map((item) => (
              <li key={item.itemId} data-testid="report-item" data-item-id={item.itemId} data-minutes={item.minutes}>
                <span className="report-item-title">{item.title}</span>{' '}
                <span className="chip">{t(`sessions.kinds.${item.kind}`)}</span>{' '}
                <span className="muted">
                  {t('sessions.report.itemTime', { time: clock(item.startedAt), minutes: minutes.format(item.minutes) })}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="report-versions-title" data-testid="report-versions">
        <h2 id="report-versions-title">{t('sessions.report.versions')}</h2>
        <p className="hint">{t('sessions.report.versionsHint')}</p>
        {report.versions.length === 0 ? (
          <p className="muted">{t('sessions.report.noVersions')}</p>
        ) : (
          <ul className="report-versions">
            {report.versions.map((v) => {
              const path = docPath(session.labId, v.docName);
              const notes = v.docName.startsWith('session-notes:');
              return (
                <li key={v.docName} data-testid="report-version" data-doc-name={v.docName} data-version-id={v.versionId ?? ''}>
                  <span className="chip">{t(`sessions.report.docKinds.${docKind(v.docName)}`)}</span>{' '}
                  {path ? (
                    <Link to={path} data-testid="report-version-link">
                      {v.title}
                    </Link>
                  ) : (
                    <span>{v.title}</span>
                  )}{' '}
                  {v.versionId ? null : <span className="muted">{t('sessions.report.noChange')}</span>}
                  {notes && v.versionId ? (
                    <button
                      type="button"
                      className="link-button report-version-view"
                      data-testid="report-version-view"
                      data-version-id={v.versionId}
                      onClick={() => setViewing({ docName: v.docName, versionId: v.versionId! })}
                    >
                      {t('sessions.report.viewVersion')}
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
        {viewing ? (
          <VersionViewer docName={viewing.docName} versionId={viewing.versionId} field={SESSION_NOTES_FIELD} onClose={closeViewer} hint={t('sessions.report.versionHint')} />
        ) : null}
      </section>
    </>
  );
}
