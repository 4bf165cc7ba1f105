import { Module } from '@nestjs/common';
import { BoardsModule } from '../boards/boards.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { LabsModule } from '../labs/labs.module.js';
import { DemoSeedService } from './demo-seed.service.js';

@Module({ imports: [IdentityModule, LabsModule, BoardsModule], providers: [DemoSeedService], exports: [DemoSeedService] })
export class DemoModule {}
