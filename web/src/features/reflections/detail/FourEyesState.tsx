import { useTranslation } from 'react-i18next';
import type { ReflectionDetail } from '@relab/shared';
import { formatDate } from '../../../lib/format.js';

/** Where the reflection is in the four-eyes process, in one sentence (and the reviewer's note for the author). */
export function FourEyesState({ detail }: { detail: ReflectionDetail }) {
  const { t, i18n } = useTranslation();
  let text: string;
  if (detail.status === 'shared') {
    text = detail.approvedBy
      ? t('reflections.fourEyes.shared', { date: detail.sharedAt ? formatDate(detail.sharedAt, i18n.language) : '', name: detail.approvedBy.displayName })
      : t('reflections.fourEyes.sharedNoApprover', { date: detail.sharedAt ? formatDate(detail.sharedAt, i18n.language) : '' });
  } else if (detail.status === 'in_review') {
    text = detail.isReviewer
      ? t('reflections.fourEyes.waitingForYou', { name: detail.author.displayName })
      : t('reflections.fourEyes.waiting', { name: detail.reviewer?.displayName ?? t('reflections.someone') });
  } else {
    text = detail.isAuthor ? t('reflections.fourEyes.draftMine') : t('reflections.fourEyes.draft');
  }
  return (
    <div className="four-eyes">
      <p className="four-eyes-state" data-testid="four-eyes" data-status={detail.status}>
        {text}
      </p>
      {detail.status === 'draft' && detail.isAuthor && detail.reviewNote ? (
        <div className="alert alert-warning" data-testid="review-note-shown">
          <p className="alert-title">
            {detail.reviewer ? t('reflections.fourEyes.sentBack', { name: detail.reviewer.displayName }) : t('reflections.fourEyes.sentBackAnonymous')}
          </p>
          <p className="prewrap">{detail.reviewNote}</p>
        </div>
      ) : null}
    </div>
  );
}
