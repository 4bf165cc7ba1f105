import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor, Extensions } from '@tiptap/react';
import { REFLECTION_LIMITS, type Member, type ReflectionDetail, type ReflectionSection } from '@relab/shared';
import type { CollabProvider } from '../../../collab/CollabProvider.js';
import { reflectionsApi } from '../api.js';
import { SectionEditor } from './SectionEditor.js';
import { SectionForm } from './SectionForm.js';

interface Props {
  labId: string;
  detail: ReflectionDetail;
  members: readonly Member[];
  myUserId: string;
  myName: string;
  extensions: Extensions;
  /** Registers a section's editor (detections); returns its cleanup. */
  onEditor: (sectionId: string, editor: Editor) => void | (() => void);
  onProvider: (provider: CollabProvider) => () => void;
  onPasteRefused: (length: number) => void;
  onSections: (sections: ReflectionSection[]) => void;
}

/** The need-to-know parts below the main text: each its own document, read only by the people it names. */
export function SectionsArea({ labId, detail, members, myUserId, myName, extensions, onEditor, onProvider, onPasteRefused, onSections }: Props) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const canManage = detail.isAuthor && detail.status !== 'in_review';
  const nameable = members.filter((m) => m.userId !== myUserId && ['facilitator', 'practitioner', 'observer'].includes(m.role));
  const full = detail.sections.length >= REFLECTION_LIMITS.sections;

  if (detail.sections.length === 0 && !canManage) return null;

  function closeForm() {
    setAdding(false);
    requestAnimationFrame(() => addButton.current?.focus());
  }

  return (
    <section className="sections-area" aria-labelledby="sections-title">
      <h2 id="sections-title">{t('reflections.sections.title')}</h2>
      <p className="muted">{t('reflections.sections.intro')}</p>
      {detail.sections.map((section) => (
        <SectionEditor
          key={section.id}
          section={section}
          members={members}
          nameable={nameable}
          myName={myName}
          canManage={canManage}
          extensions={extensions}
          onEditor={(editor) => onEditor(section.id, editor)}
          onProvider={onProvider}
          onPasteRefused={onPasteRefused}
          onUpdate={async (body) => {
            const updated = await reflectionsApi.updateSection(labId, detail.id, section.id, body);
            onSections(detail.sections.map((s) => (s.id === updated.id ? updated : s)));
          }}
        />
      ))}
      {canManage ? (
        adding ? (
          <div className="card" role="group" aria-labelledby="section-new-heading">
            <h3 id="section-new-heading" className="h3">
              {t('reflections.sections.newTitle')}
            </h3>
            <SectionForm
              members={nameable}
              onCancel={closeForm}
              onSubmit={async (body) => {
                const created = await reflectionsApi.createSection(labId, detail.id, body);
                onSections([...detail.sections, created]);
                setAdding(false);
              }}
            />
          </div>
        ) : (
          <p>
            <button
              type="button"
              ref={addButton}
              className="button button-secondary"
              data-testid="section-add"
              disabled={full}
              onClick={() => setAdding(true)}
            >
              {t('reflections.sections.add')}
            </button>
            {full ? <span className="hint"> {t('reflections.sections.full', { max: REFLECTION_LIMITS.sections })}</span> : null}
          </p>
        )
      ) : null}
    </section>
  );
}
