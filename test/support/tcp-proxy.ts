import type { Server, Socket } from 'node:net';
import { connect, createServer } from 'node:net';

/**
 * A TCP relay in front of a real server, for what a test cannot ask the server to do: stop
 * answering without closing connections (a hung Neo4j, a black-holed network). It also counts
 * the client's writes, which the benchmark reports as Bolt round trips.
 */
export class TcpProxy {
  /** Chunks the client sent; a pipelined batch of Bolt messages arrives as one. */
  clientWrites = 0;
  private hanging = false;
  private readonly held: Array<() => void> = [];
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    let proxy: TcpProxy | undefined;
    const server = createServer((client) => proxy?.relay(client, target));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxy = new TcpProxy(server, (server.address() as { port: number }).port);
    return proxy;
  }

  /** From now on nothing is delivered in either direction, on open and new connections alike. */
  hang(): void {
    this.hanging = true;
  }

  /** Delivers what was held back, in order, and relays normally again. */
  resume(): void {
    this.hanging = false;
    for (const deliver of this.held.splice(0)) deliver();
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private relay(client: Socket, target: { host: string; port: number }): void {
    const upstream = connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    const forward = (from: Socket, to: Socket, count: boolean) =>
      from.on('data', (chunk) => {
        if (count) this.clientWrites += 1;
        const deliver = () => to.writable && to.write(chunk);
        if (this.hanging) this.held.push(deliver);
        else deliver();
      });
    forward(client, upstream, true);
    forward(upstream, client, false);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }
}

/** Host and port of a bolt:// or neo4j:// URI. */
export function boltAddress(uri: string): { host: string; port: number } {
  const url = new URL(uri.replace(/^[a-z+]+:/, 'http:'));
  return { host: url.hostname, port: Number(url.port || 7687) };
}
