/** Pure helpers of the composer and of message bodies: mentions, quotes, checks before sending. */
import { DIALOGUE_LIMITS, type DialogueParticipant } from '@relab/shared';
import { mentionSegments, mentionsIn, type BodySegment, type Mentionable } from '../reflections/comments/threads.js';

export type { BodySegment, Mentionable };

/**
 * Participants as mention targets. The comment helpers of reflections key people by `userId`; here the key is the
 * member id, which is what a dialogue message mentions.
 */
export function mentionTargets(participants: readonly Pick<DialogueParticipant, 'memberId' | 'displayName'>[], exceptMemberId?: string): Mentionable[] {
  return participants.filter((p) => p.memberId !== exceptMemberId).map((p) => ({ userId: p.memberId, displayName: p.displayName }));
}

/**
 * Member ids of the participants "@Name"d in a body, each once, at most the schema's number. When two people share a
 * name, the one picked from the suggestions (`picked`) wins.
 */
export function mentionedMemberIds(body: string, targets: readonly Mentionable[], picked: readonly string[] = []): string[] {
  const first = targets.filter((t) => picked.includes(t.userId));
  const ordered = [...first, ...targets.filter((t) => !picked.includes(t.userId))];
  return mentionsIn(body, ordered).slice(0, DIALOGUE_LIMITS.mentionsPerMessage);
}

/** A message body cut into text and the @mentions the message carries (segment.mention is a member id). */
export function bodySegments(body: string, mentions: readonly { memberId: string; displayName: string }[]): BodySegment[] {
  return mentionSegments(body, mentions.map((m) => ({ userId: m.memberId, displayName: m.displayName })));
}

/** A short one-line quote of a message (the reply preview): spaces collapsed, cut with an ellipsis. */
export function shortQuote(body: string, max = 120): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** Control characters the server refuses (all but tab and line breaks): they come in with pasted text, never on purpose. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** The body as it is sent: without control characters, trimmed. */
export function cleanBody(text: string): string {
  return text.replace(CONTROL, '').trim();
}

export type DraftProblem = 'empty' | 'tooLong' | null;

/** What is wrong with a draft before it is sent (the server checks again). */
export function draftProblem(body: string): DraftProblem {
  const length = cleanBody(body).length;
  if (length < DIALOGUE_LIMITS.message.min) return 'empty';
  if (length > DIALOGUE_LIMITS.message.max) return 'tooLong';
  return null;
}
