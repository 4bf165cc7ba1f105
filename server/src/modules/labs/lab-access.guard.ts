import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { uuidSchema, type LabRole } from '@relab/shared';
import { AppError } from '../../common/errors/app-error.js';
import type { RelabRequest } from '../../common/auth/auth.types.js';
import { LAB_ROLES_KEY } from '../../common/auth/decorators.js';
import { DomainEventBus } from '../../common/events/domain-events.js';
import { hydrate, selectColumns } from '../../common/db/hydrate.js';
import { LabMember } from './lab-member.entity.js';

/**
 * Global guard for every route with a `:labId`: the caller must be a member of that lab, with an
 * allowed role. A lab the caller does not belong to looks exactly like one that does not exist.
 * Refusals are audited.
 */
@Injectable()
export class LabAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @InjectRepository(LabMember) private readonly members: Repository<LabMember>,
    private readonly events: DomainEventBus,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const req = ctx.switchToHttp().getRequest<RelabRequest>();
    const labId = req.params?.labId;
    const roles = this.reflector.getAllAndOverride<LabRole[] | undefined>(LAB_ROLES_KEY, [ctx.getHandler(), ctx.getClass()]);
    if (labId === undefined && roles === undefined) return true;
    if (!req.auth) throw new AppError('UNAUTHENTICATED', 'Not logged in');
    if (typeof labId !== 'string' || !uuidSchema.safeParse(labId).success) throw new AppError('MALFORMED_ID', 'Malformed lab id');

    const m = this.members.manager;
    const [row]: Array<Record<string, unknown>> = await m.query(`SELECT ${selectColumns(m, LabMember, 'lm', '')} FROM lab_members lm WHERE lm.lab_id = $1 AND lm.user_id = $2`, [
      labId,
      req.auth.user.id,
    ]);
    const membership = row ? hydrate(m, LabMember, row, '') : null;
    const action = `${req.method} ${req.route?.path ?? 'unknown'}`;
    if (!membership) {
      await this.deny(req.auth.user.id, null, action, labId);
      throw new AppError('LAB_NOT_FOUND', 'No such lab');
    }
    if (roles && roles.length > 0 && !roles.includes(membership.role)) {
      await this.deny(req.auth.user.id, labId, action, labId);
      throw new AppError('FORBIDDEN', 'Your role in this lab does not allow this');
    }
    req.membership = membership;
    return true;
  }

  private deny(actorId: string, labId: string | null, action: string, resourceId: string): Promise<void> {
    return this.events.emit('access.denied', { actorId, labId, action, resourceType: 'lab', resourceId });
  }
}
