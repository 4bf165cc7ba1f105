import { Module } from '@nestjs/common';
import { IdentityModule } from '../modules/identity/identity.module.js';
import { LiveTopics } from './live-topics.js';
import { LiveGateway } from './live.gateway.js';
import { LiveService } from './live.service.js';

/**
 * The app's realtime channel (`/live`, issue 6): notifications for dialogues and live sessions. Features register
 * topic policies in LiveTopics and publish through LiveService; the channel never carries message text.
 */
@Module({
  imports: [IdentityModule],
  providers: [LiveGateway, LiveService, LiveTopics],
  exports: [LiveService, LiveTopics],
})
export class LiveModule {}
