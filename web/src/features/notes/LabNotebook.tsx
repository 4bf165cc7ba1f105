import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCollabDoc } from '../../collab/useCollabDoc.js';
import { Loading } from '../../components/Loading.js';
import { CollabEditor } from '../../editor/CollabEditor.js';
import { useSession } from '../auth/useSession.js';
import { CollabStatusLine } from './CollabStatusLine.js';
import { PresenceList } from './PresenceList.js';
import { VersionsPanel } from './VersionsPanel.js';
import { VersionViewer } from './VersionViewer.js';

/** Name of the lab notebook's document, and of the Yjs XmlFragment holding its text. */
export const labNotesDocName = (labId: string) => `lab-notes:${labId}`;
export const LAB_NOTES_FIELD = 'content';

/** Caret colour until the server has given this user theirs. */
const PROVISIONAL_COLOR = '#1d4f91';

/** The live notebook of a lab: status, who is here, the shared editor and its versions. */
export function LabNotebook({ labId }: { labId: string }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const docName = labNotesDocName(labId);
  const { doc, provider, status, access, user, error } = useCollabDoc(docName);
  const [viewing, setViewing] = useState<string | null>(null);
  function closeViewer() {
    const id = viewing;
    setViewing(null);
    // Keyboard users go back to the button that opened the version.
    requestAnimationFrame(() => {
      if (id) document.querySelector<HTMLElement>(`[data-version-id="${CSS.escape(id)}"]`)?.focus();
    });
  }

  // Without any access (revoked, or never had it) there is nothing to show but the reason.
  const closed = access === 'none' || (status === 'error' && access === null);

  return (
    <div className="notebook">
      <div className="notebook-main">
        <CollabStatusLine status={status} error={error} />
        {access === 'read' ? (
          <p className="alert alert-info" data-testid="notes-read-only">
            {t('collab.readOnly')}
          </p>
        ) : null}
        {closed ? null : doc && provider ? (
          <CollabEditor
            doc={doc}
            provider={provider}
            field={LAB_NOTES_FIELD}
            user={user ?? { name: me?.displayName ?? '', color: PROVISIONAL_COLOR }}
            editable={access === 'write'}
            label={t('notes.editorLabel')}
            testId="notes-editor"
          />
        ) : (
          <Loading />
        )}
        {viewing && !closed ? (
          <VersionViewer docName={docName} versionId={viewing} field={LAB_NOTES_FIELD} onClose={closeViewer} />
        ) : null}
      </div>
      <div className="notebook-side">
        {provider && !closed ? <PresenceList awareness={provider.awareness} /> : null}
        {closed ? null : <VersionsPanel docName={docName} canWrite={access === 'write'} viewing={viewing} onView={setViewing} />}
      </div>
    </div>
  );
}
