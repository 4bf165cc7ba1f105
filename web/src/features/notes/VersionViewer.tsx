import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Extensions } from '@tiptap/react';
import type { VersionContent } from '@relab/shared';
import * as Y from 'yjs';
import { base64ToBytes } from '../../collab/messages.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { ReadOnlyDocView } from '../../editor/ReadOnlyDocView.js';
import { api } from '../../lib/api.js';
import { formatDateTime } from '../../lib/format.js';

interface Props {
  docName: string;
  versionId: string;
  field: string;
  onClose: () => void;
  /** Extensions of the document's editor beyond StarterKit (see ReadOnlyDocView). */
  extensions?: Extensions;
  /** Text under the title; by default the notebook's. */
  hint?: string;
}

/** A saved version, loaded into a Y.Doc of its own (no connection) and shown read-only. */
export function VersionViewer({ docName, versionId, field, onClose, extensions, hint }: Props) {
  const { t, i18n } = useTranslation();
  const [loaded, setLoaded] = useState<{ version: VersionContent; doc: Y.Doc } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let current = true;
    let doc: Y.Doc | null = null;
    setLoaded(null);
    setError(null);
    api.getVersion(docName, versionId).then(
      (version) => {
        if (!current) return;
        doc = new Y.Doc();
        try {
          Y.applyUpdate(doc, base64ToBytes(version.state));
        } catch (err) {
          setError(err);
          return;
        }
        setLoaded({ version, doc });
      },
      (err: unknown) => current && setError(err),
    );
    return () => {
      current = false;
      doc?.destroy();
    };
  }, [docName, versionId]);

  // Keyboard and screen-reader users land on the version they opened.
  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded]);

  return (
    <section className="card version-viewer" aria-labelledby="version-viewer-title" data-testid="version-viewer">
      <h2 id="version-viewer-title" className="h3" ref={headingRef} tabIndex={-1}>
        {loaded
          ? t('versions.viewing', {
              name: loaded.version.kind === 'auto' ? t('versions.autoName') : loaded.version.name,
              date: formatDateTime(loaded.version.createdAt, i18n.language),
            })
          : t('versions.loadingVersion')}
      </h2>
      <ErrorAlert error={error} />
      {!loaded && !error ? <Loading label={t('versions.loadingVersion')} /> : null}
      {loaded ? (
        <>
          <p className="hint">{hint ?? t('versions.viewingHint')}</p>
          <ReadOnlyDocView doc={loaded.doc} field={field} label={t('versions.contentLabel')} testId="version-content" extensions={extensions} />
        </>
      ) : null}
      <p>
        <button type="button" className="button button-secondary" data-testid="version-close" onClick={onClose}>
          {t('versions.close')}
        </button>
      </p>
    </section>
  );
}
