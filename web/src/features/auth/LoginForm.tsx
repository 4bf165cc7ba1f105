import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@relab/shared';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { api } from '../../lib/api.js';
import { useAction } from '../../lib/useAction.js';
import { useSession } from './useSession.js';

/** E-mail + password login of professionals. On success the session changes and the page moves on. */
export function LoginForm() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const action = useAction();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const session = await action.run(() => api.login({ email: email.trim(), password }));
    if (session) signIn(session);
    else setPassword('');
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="login-email">{t('login.email')}</label>
        <input
          id="login-email"
          data-testid="login-email"
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          required
          maxLength={LIMITS.email}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="login-password">{t('login.password')}</label>
        <input
          id="login-password"
          data-testid="login-password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          maxLength={LIMITS.password.max}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </div>
      <ErrorAlert error={action.error} id="login-error" />
      <button type="submit" className="button" data-testid="login-submit" disabled={action.pending}>
        {action.pending ? t('login.submitting') : t('login.submit')}
      </button>
    </form>
  );
}
