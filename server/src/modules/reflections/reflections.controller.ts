import { Body, Controller, Get, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import {
  createReflectionSchema,
  createSectionSchema,
  listReflectionsQuerySchema,
  reflectionKeySchema,
  reflectionTemplateSchema,
  requestReviewSchema,
  returnReviewSchema,
  updateReflectionSchema,
  updateSectionSchema,
  type GateRefusal,
  type ReflectionDetail,
  type ReflectionKey,
  type ReflectionReader,
  type ReflectionSection,
  type ReflectionSummary,
  type ReflectionTemplate,
  type ReturnedReflection,
} from '@relab/shared';
import { LabRoles, Membership } from '../../common/auth/decorators.js';
import { AppError } from '../../common/errors/app-error.js';
import { ApiZodBody, UuidPipe, ZodPipe } from '../../common/validation/zod.pipe.js';
import { LabMember } from '../labs/lab-member.entity.js';
import { ExportService } from './export.service.js';
import { ReflectionKeyService } from './reflection-key.service.js';
import { ReflectionsService } from './reflections.service.js';
import { SharingService } from './sharing.service.js';

/** Families and returnees take part in dialogues, never in case reflections. */
const PROFESSIONALS = ['facilitator', 'practitioner', 'observer'] as const;
const WRITERS = ['facilitator', 'practitioner'] as const;
const exportQuerySchema = z.strictObject({ format: z.enum(['md', 'pdf']) });

@ApiTags('reflections')
@Controller('api/labs/:labId')
export class ReflectionsController {
  constructor(
    private readonly reflections: ReflectionsService,
    private readonly keys: ReflectionKeyService,
    private readonly sharing: SharingService,
    private readonly exports: ExportService,
  ) {}

  @Get('reflections')
  @LabRoles(...PROFESSIONALS)
  list(@Param('labId') labId: string, @Membership() me: LabMember, @Query(new ZodPipe(listReflectionsQuerySchema)) q: z.output<typeof listReflectionsQuerySchema>): Promise<ReflectionSummary[]> {
    return this.reflections.list(labId, me, q);
  }

  @Post('reflections')
  @LabRoles(...WRITERS)
  @ApiZodBody(createReflectionSchema)
  create(@Param('labId') labId: string, @Membership() me: LabMember, @Body(new ZodPipe(createReflectionSchema)) body: z.output<typeof createReflectionSchema>): Promise<ReflectionDetail> {
    return this.reflections.create(labId, me, body);
  }

  @Get('reflections/:id')
  @LabRoles(...PROFESSIONALS)
  read(@Param('labId') labId: string, @Param('id', UuidPipe) id: string, @Membership() me: LabMember): Promise<ReflectionDetail> {
    return this.reflections.read(labId, id, me);
  }

  @Patch('reflections/:id')
  @LabRoles(...WRITERS)
  @ApiZodBody(updateReflectionSchema)
  update(@Param('labId') labId: string, @Param('id', UuidPipe) id: string, @Membership() me: LabMember, @Body(new ZodPipe(updateReflectionSchema)) body: z.output<typeof updateReflectionSchema>): Promise<ReflectionDetail> {
    return this.reflections.update(labId, id, me, body);
  }

  @Get('reflections/:id/key')
  @LabRoles(...WRITERS)
  getKey(@Param('labId') labId: string, @Param('id', UuidPipe) id: string, @Membership() me: LabMember): Promise<ReflectionKey> {
    return this.keys.get(labId, id, me);
  }

  @Put('reflections/:id/key')
  @LabRoles(...WRITERS)
  @ApiZodBody(reflectionKeySchema)
  putKey(@Param('labId') labId: string, @Param('id', UuidPipe) id: string, @Membership() me: LabMember, @Body(new ZodPipe(reflectionKeySchema)) body: z.output<typeof reflectionKeySchema>): Promise<ReflectionKey> {
    return this.keys.put(labId, id, me, body);
  }

  @Get('reflections/:id/gate')
  @LabRoles(...WRITERS)
  gate(@Param('labId') labId: string, @Param('id', UuidPipe) id: string, @Membership() me: LabMember): Promise<GateRefusal> {
    return this.sharing.check(labId, id, me);
  }

  @Post('reflections/:id/sections')
  @LabRoles(...WRITERS)
  @ApiZodBody(createSectionSchema)
  createSection(@Param('labId') labId: string, @Param('id', UuidPipe) id: string, @Membership() me: LabMember, @Body(new ZodPipe(createSectionSchema)) body: z.output<typeof createSectionSchema>): Promise<ReflectionSection> {
    return this.reflections.createSection(labId, id, me, body);
  }

  @Patch('reflections/:id/sections/:sectionId')
  @LabRoles(...WRITERS)
  @ApiZodBody(updateSectionSchema)
  updateSection(
    @Param('labId') labId: string,
    @Param('id', UuidPipe) id: string,
    @Param('sectionId', UuidPipe) sectionId: string,
    @Membership() me: LabMember,
    @Body(new ZodPipe(updateSectionSchema)) body: z.output<typeof updateSectionSchema>,
  ): Promise<ReflectionSection> {
    return this.reflections.updateSection(labId, id, sectionId, me, body);
  }

  @Post('reflections/:id/review')
  @LabRoles(...WRITERS)
  @ApiZodBody(requestReviewSchema)
  requestReview(@Param('labId') labId: string, @Param('id', UuidPipe) id: string, @Membership() me: LabMember, @Body(new ZodPipe(requestReviewSchema)) body: z.output<typeof requestReviewSchema>): Promise<ReflectionDetail> {
    return this.sharing.requestReview(labId, id, me, body.reviewerId);
  }

  @Post('reflections/:id/review/approve')
  @LabRoles(...WRITERS)
  approve(@Param('labId') labId: string, @Param('id', UuidPipe) id: string, @Membership() me: LabMember): Promise<ReflectionDetail> {
    return this.sharing.approve(labId, id, me);
  }

  @Post('reflections/:id/review/return')
  @LabRoles(...WRITERS)
  @ApiZodBody(returnReviewSchema)
  returnToDraft(@Param('labId') labId: string, @Param('id', UuidPipe) id: string, @Membership() me: LabMember, @Body(new ZodPipe(returnReviewSchema)) body: z.output<typeof returnReviewSchema>): Promise<ReflectionDetail | ReturnedReflection> {
    return this.sharing.returnToDraft(labId, id, me, body.note);
  }

  @Get('reflections/:id/readers')
  @LabRoles(...WRITERS)
  readers(@Param('labId') labId: string, @Param('id', UuidPipe) id: string, @Membership() me: LabMember): Promise<ReflectionReader[]> {
    return this.reflections.readers(labId, id, me);
  }

  @Get('reflections/:id/export')
  @LabRoles(...PROFESSIONALS)
  async export(
    @Param('labId') labId: string,
    @Param('id', UuidPipe) id: string,
    @Membership() me: LabMember,
    @Query(new ZodPipe(exportQuerySchema)) q: z.output<typeof exportQuerySchema>,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.exports.export(labId, id, me, q.format);
    res.setHeader('Content-Type', file.type);
    res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(file.body);
  }

  @Get('reflection-template')
  @LabRoles(...WRITERS)
  template(@Param('labId') labId: string): Promise<ReflectionTemplate> {
    return this.reflections.template(labId);
  }

  @Put('reflection-template')
  @LabRoles('facilitator')
  @ApiZodBody(reflectionTemplateSchema)
  saveTemplate(@Param('labId') labId: string, @Membership() me: LabMember, @Body(new ZodPipe(reflectionTemplateSchema)) body: z.output<typeof reflectionTemplateSchema>): Promise<ReflectionTemplate> {
    if (body.sections.length === 0) throw new AppError('VALIDATION_FAILED', 'A template needs a section');
    return this.reflections.saveTemplate(labId, me, body);
  }
}
