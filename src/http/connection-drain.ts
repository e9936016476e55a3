import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface DrainResult {
  /** Answers whose last byte had not reached the kernel when the grace period ran out. */
  readonly cutOff: number;
}

/**
 * The HTTP server's connections, for a shutdown that finishes what it started.
 *
 * Node's `server.close()` (which Fastify's `close()` calls) destroys every connection it counts
 * as idle, and it counts one whose last response has ended as idle even while that response's
 * bytes still wait in the socket's buffer: the client got a short answer, the process exited 0.
 * Here a connection is busy from a request's headers until its response's `finish` (every byte
 * handed to the kernel); when draining, an idle connection is ended (FIN after what it has
 * sent) rather than destroyed, and a busy one as soon as its response finishes. Only when the
 * grace period runs out are the remaining connections destroyed, and the answers still being
 * sent on them counted.
 */
export class ConnectionDrain {
  private readonly busy = new Map<Socket, number>();
  private draining = false;

  constructor(private readonly server: Server) {
    server.on('connection', (socket: Socket) => {
      this.busy.set(socket, 0);
      socket.once('close', () => this.busy.delete(socket));
    });
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      const socket = request.socket;
      this.busy.set(socket, (this.busy.get(socket) ?? 0) + 1);
      let done = false;
      const finished = () => {
        if (done) return;
        done = true;
        const left = (this.busy.get(socket) ?? 1) - 1;
        if (this.busy.has(socket)) this.busy.set(socket, left);
        if (this.draining && left === 0) socket.end();
      };
      response.once('finish', finished);
      response.once('close', finished);
    });
    // The instance's own method wins over http.Server's, which server.close() calls.
    server.closeIdleConnections = () => this.endIdle();
  }

  /**
   * Ends idle connections now and busy ones once their responses are sent, then resolves when
   * every connection has closed, or after `graceMs` by destroying those left.
   */
  async drain(graceMs: number | undefined): Promise<DrainResult> {
    this.draining = true;
    this.endIdle();
    if (this.busy.size === 0) return { cutOff: 0 };
    return new Promise<DrainResult>((resolve) => {
      const timer =
        graceMs === undefined
          ? undefined
          : setTimeout(() => {
              this.server.off('connection', onConnection);
              let cutOff = 0;
              for (const [socket, requests] of this.busy) {
                if (requests > 0 || socket.writableLength > 0) cutOff += 1;
                socket.destroy();
              }
              resolve({ cutOff });
            }, graceMs);
      const check = () => {
        if (this.busy.size > 0) return;
        clearTimeout(timer);
        this.server.off('connection', onConnection);
        resolve({ cutOff: 0 });
      };
      const onConnection = (socket: Socket) => socket.once('close', () => setImmediate(check));
      for (const socket of this.busy.keys()) socket.once('close', () => setImmediate(check));
      this.server.on('connection', onConnection);
    });
  }

  private endIdle(): void {
    if (!this.draining) return;
    for (const [socket, requests] of this.busy) if (requests === 0) socket.end();
  }
}
