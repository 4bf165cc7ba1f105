import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { saveVersionSchema, type VersionContent, type VersionSummary } from '@relab/shared';
import { z } from 'zod';
import { Auth } from '../../common/auth/decorators.js';
import type { AuthContext } from '../../common/auth/auth.types.js';
import { ApiZodBody, UuidPipe, ZodPipe } from '../../common/validation/zod.pipe.js';
import { VersionsService } from './versions.service.js';

/** Version history of any collaborative document the caller can read (write to save or restore). */
@ApiTags('collab')
@Controller('api/collab/docs/:doc/versions')
export class VersionsController {
  constructor(private readonly versions: VersionsService) {}

  @Get()
  list(@Auth() auth: AuthContext, @Param('doc') doc: string): Promise<VersionSummary[]> {
    return this.versions.list(auth.user, doc);
  }

  @Post()
  @ApiZodBody(saveVersionSchema)
  save(@Auth() auth: AuthContext, @Param('doc') doc: string, @Body(new ZodPipe(saveVersionSchema)) body: z.output<typeof saveVersionSchema>): Promise<VersionSummary> {
    return this.versions.save(auth.user, doc, body.name);
  }

  @Get(':id')
  get(@Auth() auth: AuthContext, @Param('doc') doc: string, @Param('id', UuidPipe) id: string): Promise<VersionContent> {
    return this.versions.get(auth.user, doc, id);
  }

  @Post(':id/restore')
  @HttpCode(204)
  restore(@Auth() auth: AuthContext, @Param('doc') doc: string, @Param('id', UuidPipe) id: string): Promise<void> {
    return this.versions.restore(auth.user, doc, id);
  }
}
