import { useTranslation } from 'react-i18next';
import type { ReflectionKey } from '@relab/shared';
import { useAction } from '../../../lib/useAction.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';

interface Props {
  reflectionKey: ReflectionKey;
  /** Brings a detail marked "not identifying" back into the list (drafts only). */
  onUndismiss?: (key: string) => Promise<unknown>;
}

/** A readable form of a dismissed key: `name:<index>` is the index-th name looked for, else `<kind>:<text>`. */
function dismissedText(key: string, names: readonly string[]): string {
  const [kind, ...rest] = key.split(':');
  const value = rest.join(':');
  if (kind === 'name' && /^\d+$/.test(value)) return names[Number(value)] ?? '';
  return value;
}

/** The author's key: which pseudonym stands for which real detail. Shown to the author only, folded by default. */
export function KeyView({ reflectionKey, onUndismiss }: Props) {
  const { t } = useTranslation();
  const action = useAction();
  const { pseudonyms, dismissed } = reflectionKey;
  if (pseudonyms.length === 0 && dismissed.length === 0) return null;
  return (
    <details className="side-panel key-view" data-testid="key-view">
      <summary>{t('reflections.key.title', { count: pseudonyms.length })}</summary>
      <p className="hint">{t('reflections.key.hint')}</p>
      {pseudonyms.length > 0 ? (
        <table className="key-table">
          <caption className="visually-hidden">{t('reflections.key.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reflections.key.pseudonym')}</th>
              <th scope="col">{t('reflections.key.real')}</th>
            </tr>
          </thead>
          <tbody translate="no">
            {pseudonyms.map((p) => (
              <tr key={p.key}>
                <td>{p.pseudonym}</td>
                <td>{p.real}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {dismissed.length > 0 ? (
        <>
          <h4 className="key-subtitle">{t('reflections.key.dismissedTitle')}</h4>
          <ErrorAlert error={action.error} />
          <ul className="names-list">
            {dismissed.map((d) => (
              <li key={d.key}>
                <span>
                  {t(`reflections.kinds.${d.kind}`)}
                  {dismissedText(d.key, reflectionKey.names) ? (
                    <>
                      {': '}
                      <q translate="no">{dismissedText(d.key, reflectionKey.names)}</q>
                    </>
                  ) : null}
                </span>
                {onUndismiss ? (
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    disabled={action.pending}
                    onClick={() => action.run(() => onUndismiss(d.key))}
                  >
                    {t('reflections.key.undismiss')}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </details>
  );
}
