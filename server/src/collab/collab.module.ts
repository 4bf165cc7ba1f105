import { Module } from '@nestjs/common';
import { IdentityModule } from '../modules/identity/identity.module.js';
import { CollabGateway } from './collab.gateway.js';
import { CollabMetrics } from './collab.metrics.js';
import { CollabService } from './collab.service.js';
import { DocAccessRegistry } from './doc-access.registry.js';
import { CollabStore } from './documents/collab-store.js';
import { DocumentManager } from './documents/document-manager.js';
import { GroupWriter } from './documents/group-writer.js';
import { VersionStore } from './documents/version-store.js';
import { UpdateChecker } from './protocol/update-checker.js';
import { VersionsController } from './versions/versions.controller.js';
import { VersionsService } from './versions/versions.service.js';

/**
 * The collaboration core: any Yjs document type, registered by a feature through DocAccessRegistry, is served
 * over socket.io (/collab), stored in PostgreSQL before it is acknowledged, and versioned.
 */
@Module({
  imports: [IdentityModule],
  controllers: [VersionsController],
  providers: [CollabGateway, CollabService, CollabMetrics, DocAccessRegistry, CollabStore, DocumentManager, GroupWriter, VersionStore, UpdateChecker, VersionsService],
  exports: [DocAccessRegistry, DocumentManager, VersionsService],
})
export class CollabModule {}
