import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth } from '../../common/auth/decorators.js';
import type { AuthContext } from '../../common/auth/auth.types.js';
import { AppError } from '../../common/errors/app-error.js';
import { DomainEventBus } from '../../common/events/domain-events.js';
import { UuidPipe } from '../../common/validation/zod.pipe.js';
import { AccountsService } from './accounts.service.js';

/** Platform administration: only accounts flagged `isAdmin`. */
@ApiTags('admin')
@Controller('api/admin')
export class AdminController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly events: DomainEventBus,
  ) {}

  /** Disables an account and ends all its sessions at once. */
  @Post('accounts/:userId/disable')
  @HttpCode(204)
  async disable(@Auth() ctx: AuthContext, @Param('userId', UuidPipe) userId: string): Promise<void> {
    if (!ctx.user.isAdmin) {
      await this.events.emit('access.denied', { actorId: ctx.user.id, labId: null, action: 'account.disable', resourceType: 'user', resourceId: userId });
      throw new AppError('FORBIDDEN', 'Administrators only');
    }
    await this.accounts.disable(ctx.user.id, userId);
  }
}
