import { Module } from '@nestjs/common';
import { CollabModule } from '../../collab/collab.module.js';
import { LiveModule } from '../../live/live.module.js';
import { LabsModule } from '../labs/labs.module.js';
import { AgendaService } from './agenda.service.js';
import { AttendanceService } from './attendance.service.js';
import { CalendarService } from './calendar.service.js';
import { GroundRulesController } from './ground-rules.controller.js';
import { GroundRulesService } from './ground-rules.service.js';
import { LiveRoomController } from './live-room.controller.js';
import { LiveRoomService } from './live-room.service.js';
import { ReportService } from './report.service.js';
import { SessionNotesAccess } from './session-notes.access.js';
import { SessionRoomTopic } from './session-room.topic.js';
import { SessionStateService } from './session-state.service.js';
import { SessionVersionsService } from './session-versions.service.js';
import { SessionsController } from './sessions.controller.js';
import { SessionsService } from './sessions.service.js';

/**
 * Lab sessions and the live session room (issue 6, ADR 0009): ground rules and consent, planning with recurrence
 * and iCalendar, the room on `/live` (topic `session:<id>`, state in PostgreSQL), notes on the collaboration core
 * (`session-notes:<id>`), automatic versions at the end, and the report.
 */
@Module({
  imports: [CollabModule, LabsModule, LiveModule],
  controllers: [GroundRulesController, SessionsController, LiveRoomController],
  providers: [
    GroundRulesService,
    AgendaService,
    SessionsService,
    SessionStateService,
    AttendanceService,
    SessionVersionsService,
    ReportService,
    LiveRoomService,
    CalendarService,
    SessionNotesAccess,
    SessionRoomTopic,
  ],
})
export class SessionsModule {}
