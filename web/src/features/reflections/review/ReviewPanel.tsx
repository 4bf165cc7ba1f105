import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { REFLECTION_LIMITS, type GateRefusal, type Member, type ReflectionDetail } from '@relab/shared';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { SelectField } from '../../../components/SelectField.js';
import { useAction } from '../../../lib/useAction.js';
import { gateRefusalOf, reflectionsApi } from '../api.js';
import { RemainingList } from './RemainingList.js';

interface Props {
  labId: string;
  detail: ReflectionDetail;
  members: readonly Member[] | undefined;
  myUserId: string;
  /** How many possible identifying details the editor still highlights (author, draft). */
  remainingCount: number;
  /** Waits until every change is stored (the gate checks what the server has); false when it took too long. */
  whenSaved: () => Promise<boolean>;
  /** After a change of status: the new detail when the server sent it. */
  onChanged: (detail: ReflectionDetail | undefined) => void;
  /** After the reviewer sent it back: they can no longer open it. */
  onSentBack: () => void;
}

/** The four-eyes step: the author asks a colleague for approval; the reviewer approves or sends it back. */
export function ReviewPanel(props: Props) {
  const { detail } = props;
  if (detail.status === 'draft' && detail.isAuthor) return <RequestReview {...props} />;
  if (detail.status === 'in_review' && detail.isReviewer) return <ReviewDecision {...props} />;
  if (detail.status === 'in_review' && detail.isAuthor) return <Withdraw {...props} />;
  return null;
}

/** The answer when it is a whole detail (the reviewer who sent it back only learns that it went back). */
const asDetail = (value: ReflectionDetail | undefined) =>
  value && typeof value === 'object' && 'docName' in value && Array.isArray(value.sections) ? value : undefined;

function RequestReview({ labId, detail, members, myUserId, remainingCount, whenSaved, onChanged }: Props) {
  const { t } = useTranslation();
  const candidates = (members ?? []).filter((m) => (m.role === 'practitioner' || m.role === 'facilitator') && m.userId !== myUserId);
  const [reviewerId, setReviewerId] = useState(detail.reviewer?.userId ?? '');
  const [missing, setMissing] = useState(false);
  const [notSaved, setNotSaved] = useState(false);
  const action = useAction();
  const refusal: GateRefusal | null = gateRefusalOf(action.error);
  const byId = new Map(candidates.map((m) => [m.userId, m]));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!byId.has(reviewerId)) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setNotSaved(false);
    const result = await action.run(async () => {
      if (!(await whenSaved())) {
        setNotSaved(true);
        return null;
      }
      return { detail: asDetail(await reflectionsApi.requestReview(labId, detail.id, reviewerId)) };
    });
    if (result) onChanged(result.detail);
  }

  return (
    <section className="card review-card" aria-labelledby="review-title" data-testid="review-panel">
      <h2 id="review-title" className="h3">
        {t('reflections.review.askTitle')}
      </h2>
      <p className="muted">{t('reflections.review.askIntro')}</p>
      <p className={remainingCount > 0 ? 'remaining-count remaining-count-open' : 'remaining-count'} data-testid="review-remaining-count" data-count={remainingCount}>
        {remainingCount > 0 ? t('reflections.review.remaining', { count: remainingCount }) : t('reflections.review.remainingNone')}
        {remainingCount > 0 ? (
          <>
            {' '}
            <a href="#detections-title">{t('reflections.review.showDetails')}</a>
          </>
        ) : null}
      </p>
      <form className="form" onSubmit={submit} noValidate>
        {candidates.length === 0 && members ? <p className="muted">{t('reflections.review.noCandidates')}</p> : null}
        <SelectField
          id="review-reviewer"
          label={t('reflections.review.reviewer')}
          value={reviewerId}
          onChange={setReviewerId}
          options={candidates.map((m) => m.userId)}
          optionLabel={(id) => {
            const m = byId.get(id);
            if (!m) return id;
            return m.sector ? `${m.displayName} (${t(`sectors.${m.sector}`)})` : m.displayName;
          }}
          emptyLabel={t('reflections.review.chooseReviewer')}
          testId="review-reviewer"
        />
        {missing ? <ErrorAlert error={null} messageKey="reflections.review.reviewerRequired" /> : null}
        {notSaved ? <ErrorAlert error={null} messageKey="reflections.review.notSaved" /> : null}
        {refusal ? (
          <div className="alert alert-error" role="alert" data-testid="review-refused">
            <p>{t('errors.REFLECTION_HAS_DETECTIONS')}</p>
            <RemainingList remaining={refusal.remaining} sections={detail.sections} />
          </div>
        ) : (
          <ErrorAlert error={action.error} />
        )}
        <button type="submit" className="button" data-testid="review-request" disabled={action.pending}>
          {action.pending ? t('reflections.review.asking') : t('reflections.review.ask')}
        </button>
      </form>
    </section>
  );
}

function ReviewDecision({ labId, detail, onChanged, onSentBack }: Props) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [gate, setGate] = useState<GateRefusal | null>(null);
  const approving = useAction();
  const returning = useAction();
  const refusal = gateRefusalOf(approving.error);

  // What the server's gate still finds, so the reviewer sees it before deciding.
  useEffect(() => {
    let current = true;
    reflectionsApi.gate(labId, detail.id).then(
      (result) => current && setGate(result),
      () => current && setGate(null),
    );
    return () => {
      current = false;
    };
  }, [labId, detail.id]);

  async function approve() {
    const result = await approving.run(async () => ({ detail: asDetail(await reflectionsApi.approve(labId, detail.id)) }));
    if (result) onChanged(result.detail);
  }

  async function sendBack(event: FormEvent) {
    event.preventDefault();
    const result = await returning.run(async () => ({ detail: asDetail(await reflectionsApi.returnToDraft(labId, detail.id, note.trim())) }));
    if (result) onSentBack();
  }

  const remaining = refusal?.remaining ?? gate?.remaining ?? [];
  return (
    <section className="card review-card review-card-reviewer" aria-labelledby="review-title" data-testid="review-panel">
      <h2 id="review-title" className="h3">
        {t('reflections.review.decideTitle')}
      </h2>
      <p data-testid="review-banner">{t('reflections.review.decideIntro', { name: detail.author.displayName })}</p>
      {remaining.length > 0 ? (
        <div className="alert alert-warning" data-testid="review-gate">
          <p>{t('reflections.review.gateFound')}</p>
          <RemainingList remaining={remaining} sections={detail.sections} />
        </div>
      ) : gate ? (
        <p className="muted" data-testid="review-gate-clear">
          {t('reflections.review.gateClear')}
        </p>
      ) : null}
      {refusal ? null : <ErrorAlert error={approving.error} />}
      <p>
        <button type="button" className="button" data-testid="review-approve" disabled={approving.pending || returning.pending} onClick={approve}>
          {approving.pending ? t('reflections.review.approving') : t('reflections.review.approve')}
        </button>
      </p>
      <form className="form review-return" onSubmit={sendBack} noValidate>
        <div className="field">
          <label htmlFor="review-note">{t('reflections.review.note')}</label>
          <span className="hint" id="review-note-hint">
            {t('reflections.review.noteHint')}
          </span>
          <textarea
            id="review-note"
            data-testid="review-note"
            rows={3}
            maxLength={REFLECTION_LIMITS.reviewNote}
            value={note}
            aria-describedby="review-note-hint"
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <ErrorAlert error={returning.error} />
        <button type="submit" className="button button-secondary" data-testid="review-return" disabled={approving.pending || returning.pending}>
          {returning.pending ? t('reflections.review.returning') : t('reflections.review.return')}
        </button>
      </form>
    </section>
  );
}

function Withdraw({ labId, detail, onChanged }: Props) {
  const { t } = useTranslation();
  const action = useAction();
  async function withdraw() {
    const result = await action.run(async () => ({ detail: asDetail(await reflectionsApi.returnToDraft(labId, detail.id, '')) }));
    if (result) onChanged(result.detail);
  }
  return (
    <section className="card review-card" aria-labelledby="review-title" data-testid="review-panel">
      <h2 id="review-title" className="h3">
        {t('reflections.review.waitingTitle')}
      </h2>
      <p>{t('reflections.review.waitingIntro', { name: detail.reviewer?.displayName ?? t('reflections.someone') })}</p>
      <ErrorAlert error={action.error} />
      <button type="button" className="button button-secondary" data-testid="review-withdraw" disabled={action.pending} onClick={withdraw}>
        {t('reflections.review.withdraw')}
      </button>
    </section>
  );
}
