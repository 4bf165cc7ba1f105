import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsService } from './accounts.service.js';
import { AdminController } from './admin.controller.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { AuthSession } from './auth-session.entity.js';
import { MeController } from './me.controller.js';
import { PasswordService } from './password.service.js';
import { RateLimitService } from './rate-limit.service.js';
import { SessionResponder } from './session-responder.js';
import { SessionsService } from './sessions.service.js';
import { SocketAuth } from './socket-auth.js';
import { User } from './user.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([User, AuthSession])],
  controllers: [AuthController, MeController, AdminController],
  providers: [AccountsService, AuthService, PasswordService, RateLimitService, SessionsService, SessionResponder, SocketAuth],
  exports: [AccountsService, SessionsService, SessionResponder, RateLimitService, SocketAuth],
})
export class IdentityModule {}
