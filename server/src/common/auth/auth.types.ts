import type { Request } from 'express';
import type { User } from '../../modules/identity/user.entity.js';
import type { AuthSession } from '../../modules/identity/auth-session.entity.js';
import type { LabMember } from '../../modules/labs/lab-member.entity.js';

export interface AuthContext {
  user: User;
  session: AuthSession;
}

/** An Express request after RELAB's guards ran. */
export interface RelabRequest extends Request {
  auth?: AuthContext;
  membership?: LabMember;
}
