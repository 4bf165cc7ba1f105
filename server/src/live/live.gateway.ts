import { Logger } from '@nestjs/common';
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
import { LIVE_EVENTS, LIVE_NAMESPACE, type SubscribeAck } from '@relab/shared';
import { LiveService, type LiveSocket } from './live.service.js';

type AckFn<T> = ((r: T) => void) | undefined;

/** The `/live` namespace: thin. Authentication is handshake middleware; everything else is LiveService. */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LiveGateway implements OnGatewayInit<Namespace>, OnGatewayConnection<LiveSocket>, OnGatewayDisconnect<LiveSocket> {
  private readonly logger = new Logger('LiveGateway');

  constructor(private readonly live: LiveService) {}

  afterInit(nsp: Namespace): void {
    nsp.use((socket, next) => {
      this.live.authenticate(socket as LiveSocket).then(
        (error) => next(error ? new Error(error) : undefined),
        () => next(new Error('UNAUTHENTICATED')),
      );
    });
    this.live.attach(nsp);
    this.logger.log(`app realtime channel on ${LIVE_NAMESPACE}`);
  }

  handleConnection(socket: LiveSocket): void {
    this.live.connected(socket);
  }

  handleDisconnect(socket: LiveSocket): void {
    this.live.disconnected(socket);
  }

  @SubscribeMessage(LIVE_EVENTS.subscribe)
  async subscribe(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown, @Ack() ack: AckFn<SubscribeAck>): Promise<void> {
    const result = await this.live.subscribe(socket, firstArg(body));
    ack?.(result);
  }

  @SubscribeMessage(LIVE_EVENTS.unsubscribe)
  unsubscribe(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown, @Ack() ack: AckFn<{ ok: true }>): void {
    ack?.(this.live.unsubscribe(socket, firstArg(body)));
  }
}

function firstArg(body: unknown): unknown {
  return Array.isArray(body) ? body[0] : body;
}
