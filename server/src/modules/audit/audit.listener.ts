import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DOMAIN_EVENT_NAMES, DomainEventBus, type DomainEventName, type DomainEvents } from '../../common/events/domain-events.js';
import { AuditService, type AuditRecord } from './audit.service.js';

type Payload = DomainEvents[DomainEventName] &
  Partial<Record<'labId' | 'memberId' | 'invitationId' | 'userId' | 'reflectionId' | 'sectionId' | 'format' | 'boardId' | 'dialogueId' | 'sessionId' | 'messageId', string | null>>;

/** Turns every domain event into one audit row. No feature imports audit; it listens. */
@Injectable()
export class AuditListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEventBus,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    for (const name of DOMAIN_EVENT_NAMES) {
      this.events.on(name, (payload) => this.audit.record(toRecord(name, payload as Payload)));
    }
  }
}

export function toRecord(name: DomainEventName, p: Payload): AuditRecord {
  const base = { actorId: p.actorId, labId: p.labId ?? null };
  if (name === 'access.denied') {
    const d = p as DomainEvents['access.denied'];
    return { ...base, action: `denied ${d.action}`, resourceType: d.resourceType, resourceId: d.resourceId, outcome: 'denied' };
  }
  const outcome = name === 'auth.login_failed' ? 'denied' : 'success';
  if (p.invitationId && name.startsWith('invitation.')) return { ...base, action: name, resourceType: 'invitation', resourceId: p.invitationId, outcome };
  if (p.reflectionId) {
    // which part and which format, never content
    const detail = p.format ? `:${p.format}` : p.sectionId ? ':section' : '';
    return { ...base, action: `${name}${detail}`, resourceType: 'reflection', resourceId: p.reflectionId, outcome: 'success' };
  }
  if (p.boardId) return { ...base, action: name, resourceType: 'board', resourceId: p.boardId, outcome: 'success' };
  if (p.messageId) return { ...base, action: name, resourceType: 'dialogue_message', resourceId: p.messageId, outcome: 'success' };
  if (p.dialogueId) return { ...base, action: name, resourceType: 'dialogue', resourceId: p.dialogueId, outcome: 'success' };
  if (p.sessionId) return { ...base, action: p.format ? `${name}:${p.format}` : name, resourceType: 'session', resourceId: p.sessionId, outcome: 'success' };
  if (p.memberId) return { ...base, action: name, resourceType: 'member', resourceId: p.memberId, outcome };
  if (name.startsWith('lab.')) return { ...base, action: name, resourceType: 'lab', resourceId: p.labId ?? null, outcome };
  return { ...base, action: name, resourceType: 'user', resourceId: p.userId ?? p.actorId, outcome };
}
