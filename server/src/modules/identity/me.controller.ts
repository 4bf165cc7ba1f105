import { Body, Controller, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { updateMeRequestSchema, type Me } from '@relab/shared';
import { z } from 'zod';
import { Auth } from '../../common/auth/decorators.js';
import type { AuthContext } from '../../common/auth/auth.types.js';
import { ApiZodBody, ZodPipe } from '../../common/validation/zod.pipe.js';
import { AccountsService } from './accounts.service.js';

@ApiTags('me')
@Controller('api/me')
export class MeController {
  constructor(private readonly accounts: AccountsService) {}

  @Patch()
  @ApiZodBody(updateMeRequestSchema)
  async update(@Auth() ctx: AuthContext, @Body(new ZodPipe(updateMeRequestSchema)) body: z.output<typeof updateMeRequestSchema>): Promise<Me> {
    return this.accounts.toMe(await this.accounts.updateMe(ctx.user, body));
  }
}
