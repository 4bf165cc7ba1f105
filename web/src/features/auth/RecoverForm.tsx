import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionResponse } from '@relab/shared';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { api, ApiError } from '../../lib/api.js';
import { normalizeRecoveryCode } from '../../lib/format.js';
import { useAction } from '../../lib/useAction.js';

/** A participant back on a new phone types the recovery code noted when joining. */
export function RecoverForm({ onRecovered }: { onRecovered: (session: SessionResponse) => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const action = useAction();
  // A wrong recovery code comes back as INVALID_CREDENTIALS, whose usual text speaks of e-mail and password.
  const wrongCode =
    action.error instanceof ApiError && ['INVALID_CREDENTIALS', 'NOT_FOUND', 'UNAUTHENTICATED'].includes(action.error.code);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const recoveryCode = normalizeRecoveryCode(code);
    if (!recoveryCode) return;
    const session = await action.run(() => api.recover({ recoveryCode }));
    if (session) onRecovered(session);
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="recover-code">{t('recover.codeLabel')}</label>
        <p className="hint" id="recover-code-hint">
          {t('recover.codeHint')}
        </p>
        <input
          id="recover-code"
          data-testid="recover-code"
          className="input-code"
          name="recoveryCode"
          autoComplete="off"
          spellCheck={false}
          required
          maxLength={64}
          aria-describedby="recover-code-hint"
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
      </div>
      <ErrorAlert error={action.error} messageKey={wrongCode ? 'recover.wrongCode' : undefined} />
      <button type="submit" className="button" data-testid="recover-submit" disabled={action.pending}>
        {action.pending ? t('recover.submitting') : t('recover.submit')}
      </button>
    </form>
  );
}
