import { randomUUID } from 'node:crypto';
import type { CreateDialogueRequest, DialogueDetail, DialogueMessage, Language, MessagesPage, SendMessageRequest } from '@relab/shared';
import type { Client, TestApp } from './test-app.js';

export type Member = Client & { memberId: string };

/** A fictional message body with a client id of its own. */
export function message(body: string, extra: Partial<SendMessageRequest> = {}): SendMessageRequest & { clientId: string } {
  return { clientId: randomUUID(), body, language: 'fr' as Language, ...extra };
}

/** Paths of one dialogue. */
export class DialoguePaths {
  constructor(
    readonly labId: string,
    readonly id: string,
  ) {}
  get base() {
    return `/api/labs/${this.labId}/dialogues/${this.id}`;
  }
  get messages() {
    return `${this.base}/messages`;
  }
  msg(messageId: string) {
    return `${this.base}/messages/${messageId}`;
  }
}

/** Opens a dialogue as the facilitator; every listed participant accepts its ground rules unless `consent: false`. */
export async function openDialogue(
  facilitator: Client,
  labId: string,
  body: Partial<CreateDialogueRequest> & { participants?: Member[]; moderators?: Member[] },
  opts: { consent?: boolean } = {},
): Promise<{ d: DialogueDetail; p: DialoguePaths }> {
  const { participants = [], moderators = [], ...rest } = body;
  const res = await facilitator.post(`/api/labs/${labId}/dialogues`, {
    title: 'Ouders in gesprek',
    groundRules: 'Wat gezegd wordt blijft hier. Ce qui est dit reste ici.',
    languages: ['nl', 'fr'],
    participantIds: participants.map((x) => x.memberId),
    moderatorIds: moderators.map((x) => x.memberId),
    ...rest,
  });
  if (res.status !== 201) throw new Error(`open dialogue failed: ${res.status} ${JSON.stringify(res.body)}`);
  const d = res.body as DialogueDetail;
  const p = new DialoguePaths(labId, d.id);
  if (opts.consent !== false) {
    for (const who of [...participants, ...moderators]) {
      const c = await who.post(`${p.base}/consent`, { version: d.groundRulesVersion });
      if (c.status !== 200) throw new Error(`consent failed: ${c.status} ${JSON.stringify(c.body)}`);
    }
  }
  return { d, p };
}

/** Sends and expects it stored now (201). */
export async function send(who: Client, p: DialoguePaths, body: string, extra: Partial<SendMessageRequest> = {}): Promise<DialogueMessage> {
  const res = await who.post(p.messages, message(body, extra));
  if (res.status !== 201) throw new Error(`send failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as DialogueMessage;
}

/** Everything the member sees, following `more` to the end. */
export async function everything(who: Client, p: DialoguePaths, since = 0): Promise<{ rev: number; messages: DialogueMessage[] }> {
  const messages: DialogueMessage[] = [];
  let rev = since;
  for (;;) {
    const res = await who.get(`${p.messages}?since=${rev}`);
    if (res.status !== 200) throw new Error(`fetch failed: ${res.status} ${JSON.stringify(res.body)}`);
    const page = res.body as MessagesPage;
    messages.push(...page.messages);
    rev = page.rev;
    if (!page.more) return { rev, messages };
  }
}

/** The latest state of each message the member sees (later revs replace earlier ones). */
export async function thread(who: Client, p: DialoguePaths): Promise<Map<string, DialogueMessage>> {
  const all = await everything(who, p);
  return new Map(all.messages.map((x) => [x.id, x]));
}

export function moderate(who: Client, p: DialoguePaths, messageId: string, action: string, reason?: string): ReturnType<Client['post']> {
  return who.post(`${p.msg(messageId)}/moderation`, reason === undefined ? { action } : { action, reason });
}

export async function countMessages(t: TestApp, dialogueId: string): Promise<number> {
  const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM dialogue_messages WHERE dialogue_id = $1`, [dialogueId]);
  return n;
}
