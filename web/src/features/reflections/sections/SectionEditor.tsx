import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor, Extensions } from '@tiptap/react';
import { REFLECTION_LIMITS, type Member, type ReflectionSection, type Sector } from '@relab/shared';
import type { CollabProvider } from '../../../collab/CollabProvider.js';
import { useCollabDoc } from '../../../collab/useCollabDoc.js';
import { Loading } from '../../../components/Loading.js';
import { CollabEditor } from '../../../editor/CollabEditor.js';
import { CollabStatusLine } from '../../notes/CollabStatusLine.js';
import { readersLabel } from '../labels.js';
import { CONTENT_FIELD, PROVISIONAL_COLOR } from '../detail/constants.js';
import { SectionForm } from './SectionForm.js';

interface Props {
  section: ReflectionSection;
  members: readonly Member[];
  /** Members the author may name (professionals other than the author). */
  nameable: readonly Member[];
  myName: string;
  /** The author may change who reads it (not while it waits for approval). */
  canManage: boolean;
  extensions: Extensions;
  onEditor: (editor: Editor) => void | (() => void);
  onProvider: (provider: CollabProvider) => () => void;
  onPasteRefused: (length: number) => void;
  onUpdate: (body: { title: string; allowedSectors: Sector[]; allowedUserIds: string[] }) => Promise<unknown>;
}

/** A need-to-know part: its own document, sent only to the people it names. */
export function SectionEditor({ section, members, nameable, myName, canManage, extensions, onEditor, onProvider, onPasteRefused, onUpdate }: Props) {
  const { t } = useTranslation();
  const { doc, provider, status, access, user, error } = useCollabDoc(section.docName);
  const [editing, setEditing] = useState(false);
  useEffect(() => (provider ? onProvider(provider) : undefined), [provider, onProvider]);

  const nameOf = (userId: string) => members.find((m) => m.userId === userId)?.displayName ?? t('reflections.sections.formerMember');
  const readers = readersLabel(section, (s) => t(`reflections.sectorsPlural.${s}`), nameOf);
  const readersId = `section-readers-${section.id}`;
  const closed = access === 'none' || (status === 'error' && access === null);

  return (
    <section className="section-part" aria-labelledby={`section-heading-${section.id}`} data-testid="section" data-section-id={section.id}>
      <h3 id={`section-heading-${section.id}`} className="section-heading">
        {section.title}
      </h3>
      <p className="section-readers" id={readersId} data-testid="section-readers">
        {t('reflections.sections.only', { readers })}
      </p>
      {canManage ? (
        editing ? (
          <SectionForm
            section={section}
            members={nameable}
            onCancel={() => setEditing(false)}
            onSubmit={async (body) => {
              await onUpdate(body);
              setEditing(false);
            }}
          />
        ) : (
          <p>
            <button type="button" className="button button-secondary button-small" data-testid="section-edit" onClick={() => setEditing(true)}>
              {t('reflections.sections.edit')}
            </button>
          </p>
        )
      ) : null}
      <CollabStatusLine status={status} error={error} testId="section-status" />
      {closed ? null : doc && provider ? (
        <CollabEditor
          doc={doc}
          provider={provider}
          field={CONTENT_FIELD}
          user={user ?? { name: myName, color: PROVISIONAL_COLOR }}
          editable={access === 'write'}
          label={t('reflections.sections.editorLabel', { title: section.title })}
          testId="section-editor"
          extensions={extensions}
          maxPasteChars={REFLECTION_LIMITS.maxPasteChars}
          onPasteRefused={onPasteRefused}
          onEditor={onEditor}
          describedBy={readersId}
        />
      ) : (
        <Loading />
      )}
    </section>
  );
}
