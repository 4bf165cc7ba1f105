import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { DomainEventBus } from './events/domain-events.js';

/** Config and the typed event bus, available to every module. */
@Global()
@Module({})
export class CommonModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CommonModule,
      providers: [{ provide: APP_CONFIG, useValue: config }, DomainEventBus],
      exports: [APP_CONFIG, DomainEventBus],
    };
  }
}
