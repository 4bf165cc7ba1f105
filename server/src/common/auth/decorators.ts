import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { LabRole } from '@relab/shared';
import { AppError } from '../errors/app-error.js';
import type { AuthContext, RelabRequest } from './auth.types.js';
import type { LabMember } from '../../modules/labs/lab-member.entity.js';

export const IS_PUBLIC = 'relab:public';
export const LAB_ROLES_KEY = 'relab:lab-roles';

/** The route needs no session (login, join, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * The route acts on the lab in its `:labId` parameter: the caller must be a member of it,
 * with one of these roles (none given = any member).
 */
export const LabRoles = (...roles: LabRole[]) => SetMetadata(LAB_ROLES_KEY, roles);

/** The authenticated caller. */
export const Auth = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthContext => {
  const auth = ctx.switchToHttp().getRequest<RelabRequest>().auth;
  if (!auth) throw new AppError('UNAUTHENTICATED', 'Not logged in');
  return auth;
});

/** The caller's membership of the lab in `:labId` (set by LabAccessGuard). */
export const Membership = createParamDecorator((_: unknown, ctx: ExecutionContext): LabMember => {
  const m = ctx.switchToHttp().getRequest<RelabRequest>().membership;
  if (!m) throw new AppError('FORBIDDEN', 'No lab membership on this route');
  return m;
});
