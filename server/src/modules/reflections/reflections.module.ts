import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CollabModule } from '../../collab/collab.module.js';
import { LabMember } from '../labs/lab-member.entity.js';
import { LabsModule } from '../labs/labs.module.js';
import { ExportService } from './export.service.js';
import { KeyVault } from './key-vault.js';
import { ReflectionDocs } from './reflection-docs.js';
import { ReflectionKeyService } from './reflection-key.service.js';
import { ReflectionsController } from './reflections.controller.js';
import { ReflectionsService } from './reflections.service.js';
import { SharingService } from './sharing.service.js';

/** Anonymised case reflections (issue 4, ADR 0006): two document types on the core, the gate, the author's key. */
@Module({
  imports: [CollabModule, LabsModule, TypeOrmModule.forFeature([LabMember])],
  controllers: [ReflectionsController],
  providers: [KeyVault, ReflectionsService, ReflectionKeyService, SharingService, ExportService, ReflectionDocs],
})
export class ReflectionsModule {}
