import { Module } from '@nestjs/common';
import { LiveModule } from '../../live/live.module.js';
import { LabsModule } from '../labs/labs.module.js';
import { DialogueAccess } from './dialogue-access.js';
import { DialogueIntegrations } from './dialogue-integrations.js';
import { DialogueLive } from './dialogue-live.js';
import { DialoguesController } from './dialogues.controller.js';
import { DialoguesService } from './dialogues.service.js';
import { ErasureService } from './erasure.service.js';
import { MessageStore } from './message-store.js';
import { MessagesService } from './messages.service.js';
import { ModerationService } from './moderation.service.js';
import { SendLimiter } from './send-limiter.js';
import { WatchedWordsController } from './watched-words.controller.js';
import { WatchedWordsService } from './watched-words.service.js';

/**
 * Moderated dialogues (issue 6, ADR 0008): messages in PostgreSQL with a per-dialogue rev, moderation, watched words,
 * erasure; `/live` topics `dialogue:<id>` and `dialogue-mod:<id>` only notify.
 */
@Module({
  imports: [LiveModule, LabsModule],
  controllers: [DialoguesController, WatchedWordsController],
  providers: [
    DialogueAccess, DialogueLive, DialogueIntegrations, DialoguesService, MessageStore, MessagesService, ModerationService, ErasureService,
    SendLimiter, WatchedWordsService,
  ],
  exports: [DialogueAccess],
})
export class DialoguesModule {}
