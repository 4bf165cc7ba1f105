import { useTranslation } from 'react-i18next';
import { useCollabDoc } from '../../../collab/useCollabDoc.js';
import { Loading } from '../../../components/Loading.js';
import { CollabEditor } from '../../../editor/CollabEditor.js';
import { useSession } from '../../auth/useSession.js';
import { CollabStatusLine } from '../../notes/CollabStatusLine.js';

/** The Yjs field holding the notes' text (as in the lab notebook). */
export const SESSION_NOTES_FIELD = 'content';
const PROVISIONAL_COLOR = '#1d4f91';

/** The session's notes, written together live on the collaboration core (the same editor as the lab notebook). */
export function SessionNotes({ docName }: { docName: string }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const { doc, provider, status, access, user, error } = useCollabDoc(docName);
  const closed = access === 'none' || (status === 'error' && access === null);
  return (
    <section className="session-notes" id="session-notes" aria-labelledby="session-notes-title" data-testid="session-notes">
      <h2 id="session-notes-title">{t('sessions.notes.title')}</h2>
      <p className="hint">{t('sessions.notes.hint')}</p>
      <CollabStatusLine status={status} error={error} />
      {access === 'read' ? (
        <p className="alert alert-info" data-testid="session-notes-read-only">
          {t('collab.readOnly')}
        </p>
      ) : null}
      {closed ? null : doc && provider ? (
        <CollabEditor
          doc={doc}
          provider={provider}
          field={SESSION_NOTES_FIELD}
          user={user ?? { name: me?.displayName ?? '', color: PROVISIONAL_COLOR }}
          editable={access === 'write'}
          label={t('sessions.notes.editorLabel')}
          testId="session-notes-editor"
        />
      ) : (
        <Loading />
      )}
    </section>
  );
}
