import type { AgendaItemInput, CreateSessionRequest, SessionDetail, SessionSummary } from '@relab/shared';
import type { Client } from './test-app.js';

export const sessionsUrl = (labId: string, path = '') => `/api/labs/${labId}/sessions${path}`;

/** An ISO time `hours` from now (whole minutes), with Z. */
export function inHours(hours: number): string {
  const d = new Date(Date.now() + hours * 3600_000);
  d.setUTCSeconds(0, 0);
  return d.toISOString();
}

/** Plans sessions as `who` and returns them (fails the test on anything but 201). */
export async function plan(who: Client, labId: string, body: Partial<CreateSessionRequest> & { agenda?: AgendaItemInput[] } = {}): Promise<SessionSummary[]> {
  const res = await who.post(sessionsUrl(labId), { title: 'Labsessie terugkeer', startsAt: inHours(2), durationMinutes: 120, ...body });
  if (res.status !== 201) throw new Error(`plan: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as SessionSummary[];
}

export async function detail(who: Client, labId: string, id: string): Promise<SessionDetail> {
  const res = await who.get(sessionsUrl(labId, `/${id}`));
  if (res.status !== 200) throw new Error(`detail: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as SessionDetail;
}

/** Accepts the lab's current ground rules from the session's page. */
export async function consent(who: Client, labId: string, id: string): Promise<SessionDetail> {
  const d = await detail(who, labId, id);
  const res = await who.post(sessionsUrl(labId, `/${id}/consent`), { version: d.groundRules.version });
  if (res.status !== 200) throw new Error(`consent: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as SessionDetail;
}

/** A VEVENT (or the calendar itself) as property name → raw value (the first of each name); parameters kept apart. */
export interface IcsComponent {
  props: Record<string, string>;
  params: Record<string, string>;
}

/** Parses iCalendar text (RFC 5545): unfolds lines, returns the calendar's own properties and its VEVENTs. */
export function parseIcs(text: string): { calendar: IcsComponent; events: IcsComponent[]; lines: string[] } {
  const lines = text.replace(/\r\n[ \t]/g, '').split(/\r\n/).filter((l) => l !== '');
  const calendar: IcsComponent = { props: {}, params: {} };
  const events: IcsComponent[] = [];
  let current: IcsComponent | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') {
      current = { props: {}, params: {} };
      continue;
    }
    if (line === 'END:VEVENT') {
      events.push(current!);
      current = null;
      continue;
    }
    const colon = line.indexOf(':');
    const head = line.slice(0, colon);
    const [name, ...params] = head.split(';');
    const target = current ?? calendar;
    if (!(name! in target.props)) {
      target.props[name!] = line.slice(colon + 1);
      target.params[name!] = params.join(';');
    }
  }
  return { calendar, events, lines };
}

/** The text value of an iCalendar property, unescaped. */
export function icsText(value: string | undefined): string {
  return (value ?? '').replace(/\\n/gi, '\n').replace(/\\([,;\\])/g, '$1');
}
