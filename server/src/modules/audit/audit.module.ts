import { Module } from '@nestjs/common';
import { AuditListener } from './audit.listener.js';
import { AuditService } from './audit.service.js';

@Module({ providers: [AuditService, AuditListener], exports: [AuditService] })
export class AuditModule {}
