import { describe, expect, test } from '@jest/globals';
import { AGENDA_KINDS, LIVE_ERROR_CODES, RECURRENCES, SESSION_STATUSES, STAKEHOLDER_GROUPS } from '@relab/shared';
import { translations } from '../../i18n/bundles.js';
import { REF_KINDS } from './agenda.js';

type Tree = { [key: string]: string | Tree };

function lookup(tree: Tree, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Tree)[key] : undefined), tree);
}

/** Every label the sessions UI builds from a shared constant, so a value added there fails here until translated. */
function requiredSessionKeys(): string[] {
  return [
    ...SESSION_STATUSES.map((s) => `sessions.status.${s}`),
    ...RECURRENCES.map((r) => `sessions.recurrence.${r}`),
    ...AGENDA_KINDS.map((k) => `sessions.kinds.${k}`),
    ...AGENDA_KINDS.map((k) => `sessions.bring.goThere.${k}`),
    ...REF_KINDS.map((k) => `sessions.agenda.ref.${k}`),
    ...REF_KINDS.map((k) => `sessions.agenda.refEmpty.${k}`),
    ...[...STAKEHOLDER_GROUPS, 'unknown'].map((g) => `sessions.groups.${g}`),
    ...LIVE_ERROR_CODES.filter((c) => c !== 'CONSENT_REQUIRED').map((c) => `sessions.live.refused.${c}`),
    ...['notes', 'reflection', 'board', 'other'].map((k) => `sessions.report.docKinds.${k}`),
    ...['connecting', 'live', 'offline', 'refused'].map((s) => `sessions.presence.connection.${s}`),
    ...['under', 'exact', 'over', 'noDuration'].map((f) => `sessions.agenda.total.${f}`),
    ...['live', 'upcoming', 'past'].flatMap((g) => [`sessions.list.${g}`, `sessions.list.empty.${g}`]),
  ];
}

describe('sessions labels', () => {
  test.each(Object.keys(translations))('%s has a label for every status, recurrence, kind, group and live refusal', (lng) => {
    const tree = (translations as unknown as Record<string, Tree>)[lng]!;
    const missing = requiredSessionKeys().filter((key) => {
      const value = lookup(tree, key);
      return typeof value !== 'string' || value.trim() === '';
    });
    expect(missing).toEqual([]);
  });

  test('the error codes of the sessions API are translated in the main locales', () => {
    for (const lng of Object.keys(translations)) {
      const tree = (translations as unknown as Record<string, Tree>)[lng]!;
      for (const code of ['SESSION_NOT_FOUND', 'SESSION_WRONG_STATUS', 'CONSENT_REQUIRED', 'GROUND_RULES_OUTDATED', 'AGENDA_REF_INVALID', 'AGENDA_ITEM_NOT_FOUND']) {
        expect(typeof lookup(tree, `errors.${code}`)).toBe('string');
      }
    }
  });
});
