import { Inject, Logger } from '@nestjs/common';
import {
  Ack,
  ConnectedSocket,
  MessageBody,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { Namespace } from 'socket.io';
import { COLLAB_EVENTS, COLLAB_NAMESPACE, type JoinResult, type MessageAck } from '@relab/shared';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { CollabService } from './collab.service.js';
import type { CollabSocket } from './transport/socket-state.js';

type AckFn<T> = ((r: T) => void) | undefined;

/**
 * The `/collab` namespace: thin. Authentication runs as handshake middleware; every event is handed to
 * CollabService, which answers bad input with an error event and never throws.
 */
@WebSocketGateway({ namespace: COLLAB_NAMESPACE })
export class CollabGateway implements OnGatewayInit<Namespace>, OnGatewayConnection<CollabSocket>, OnGatewayDisconnect<CollabSocket> {
  private readonly logger = new Logger('CollabGateway');

  constructor(
    private readonly collab: CollabService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  afterInit(nsp: Namespace): void {
    nsp.use((socket, next) => {
      this.collab.authenticate(socket as CollabSocket).then(
        (error) => next(error ? new Error(error) : undefined),
        () => next(new Error('UNAUTHENTICATED')),
      );
    });
    this.collab.attach(nsp, !!this.config.redisUrl);
    this.logger.log(`realtime collaboration on ${COLLAB_NAMESPACE}${this.config.redisUrl ? ' (shared through Redis)' : ''}`);
  }

  handleConnection(socket: CollabSocket): void {
    this.collab.connected(socket);
    // `msg` is the hot path (every keystroke): bound directly, without the per-message observable pipeline
    socket.on(COLLAB_EVENTS.message, (...args: unknown[]) => {
      // socket.io passes the acknowledgement as the last argument, whatever came before it
      const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as (r: MessageAck) => void) : noop;
      this.collab.message(socket, args[0], args[1], ack).catch(() => undefined);
    });
  }

  handleDisconnect(socket: CollabSocket): void {
    this.collab.disconnected(socket);
  }

  @SubscribeMessage(COLLAB_EVENTS.join)
  async join(@ConnectedSocket() socket: CollabSocket, @MessageBody() body: unknown, @Ack() ack: AckFn<JoinResult>): Promise<void> {
    await this.collab.join(socket, firstArg(body), ack ?? noop);
  }

  @SubscribeMessage(COLLAB_EVENTS.leave)
  leave(@ConnectedSocket() socket: CollabSocket, @MessageBody() body: unknown, @Ack() ack: AckFn<MessageAck>): void {
    this.collab.leave(socket, firstArg(body), ack ?? noop);
  }

}

function firstArg(body: unknown): unknown {
  return Array.isArray(body) ? body[0] : body;
}

function noop(): void {}
