import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { zoneLabel } from './time.js';
import { browserTimeZone, timeZoneChoices } from './timeZones.js';
import { useTimeZone } from './useTimeZone.js';

/** Settings: the time zone sessions are shown in, kept on this device (Europe/Brussels by default). */
export function TimeZoneSetting() {
  const { t, i18n } = useTranslation();
  const [zone, setZone] = useTimeZone();
  const [saved, setSaved] = useState<'stored' | 'page' | null>(null);
  const browser = useMemo(browserTimeZone, []);
  const choices = useMemo(() => timeZoneChoices(browser, zone), [browser, zone]);
  const now = Date.now();
  return (
    <section aria-labelledby="settings-time-zone-title" className="time-zone-setting">
      <h2 id="settings-time-zone-title">{t('sessions.timeZone.title')}</h2>
      <div className="field">
        <label htmlFor="settings-time-zone">{t('sessions.timeZone.label')}</label>
        <p className="hint" id="settings-time-zone-hint">
          {t('sessions.timeZone.hint')}
        </p>
        <select
          id="settings-time-zone"
          data-testid="settings-time-zone"
          aria-describedby="settings-time-zone-hint"
          value={zone}
          onChange={(e) => setSaved(setZone(e.target.value) ? 'stored' : 'page')}
        >
          {choices.map((z) => (
            <option key={z} value={z}>
              {z === browser ? t('sessions.timeZone.device', { zone: zoneLabel(z, now, i18n.language) }) : zoneLabel(z, now, i18n.language)}
            </option>
          ))}
        </select>
      </div>
      <p className="muted" role="status" data-testid="settings-time-zone-saved">
        {saved === 'stored' ? t('sessions.timeZone.saved') : saved === 'page' ? t('sessions.timeZone.notStored') : ''}
      </p>
    </section>
  );
}
