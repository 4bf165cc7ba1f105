import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../components/CopyButton.js';

interface Props {
  code: string;
  onAcknowledge: () => void;
  /** 'join' right after joining, 'recover' after using the old code. */
  context: 'join' | 'recover';
}

/** Shows a recovery code exactly once, explains what it is for, and waits until the person says they noted it. */
export function RecoveryCodeNotice({ code, onAcknowledge, context }: Props) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <section className="card recovery" aria-labelledby="recovery-title">
      <h1 id="recovery-title" ref={headingRef} tabIndex={-1}>
        {context === 'join' ? t('recovery.titleJoin') : t('recovery.titleRecover')}
      </h1>
      <p>{t('recovery.explanation')}</p>
      <p className="code-label" id="recovery-code-label">
        {t('recovery.codeLabel')}
      </p>
      <p className="code-display" data-testid="recovery-code" translate="no">
        {code}
      </p>
      <CopyButton text={code} label={t('recovery.copy')} />
      <ul className="hints">
        <li>{t('recovery.hintWrite')}</li>
        <li>{t('recovery.hintOnce')}</li>
        <li>{t('recovery.hintPrivate')}</li>
      </ul>
      <button type="button" className="button" data-testid="recovery-ack" onClick={onAcknowledge}>
        {t('recovery.acknowledge')}
      </button>
    </section>
  );
}
