import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { LabsModule } from '../labs/labs.module.js';
import { DemoSeedService } from './demo-seed.service.js';

@Module({ imports: [IdentityModule, LabsModule], providers: [DemoSeedService], exports: [DemoSeedService] })
export class DemoModule {}
