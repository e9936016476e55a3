import type { Server, Socket } from 'node:net';
import { connect, createServer } from 'node:net';

/**
 * A TCP relay in front of a real server, for what a test cannot ask the server to do: stop
 * answering without closing connections (a hung Neo4j, a black-holed network). It also counts
 * the Bolt messages clients send, by type, which the benchmark reports.
 */
export class TcpProxy {
  /**
   * Turns of the conversation: the times a client spoke after the server had (or first). Exact
   * for one request at a time; under concurrency a pipelined batch split across packets may
   * count twice.
   */
  roundTrips = 0;
  /** Bolt messages from clients, by name (BEGIN, RUN, PULL, COMMIT, …). */
  readonly messages = new Map<string, number>();
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

  /**
   * As if the server stopped: every open connection is cut and new ones are refused, until
   * restore() listens again on the same port.
   */
  async cut(): Promise<void> {
    const closed = new Promise((resolve) => this.server.close(resolve));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  async restore(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(this.port, '127.0.0.1', resolve));
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    if (this.server.listening) await new Promise((resolve) => this.server.close(resolve));
  }

  private relay(client: Socket, target: { host: string; port: number }): void {
    const upstream = connect(target.port, target.host);
    let clientSpokeLast = false;
    for (const socket of [client, upstream]) {
      // As the driver does: without it, Nagle's algorithm and delayed ACKs add tens of ms a turn.
      socket.setNoDelay(true);
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    const forward = (from: Socket, to: Socket, fromClient: boolean) =>
      from.on('data', (chunk) => {
        if (fromClient && !clientSpokeLast) this.roundTrips += 1;
        clientSpokeLast = fromClient;
        const deliver = () => to.writable && to.write(chunk);
        if (this.hanging) this.held.push(deliver);
        else deliver();
      });
    const counter = boltMessageCounter((name) => this.messages.set(name, (this.messages.get(name) ?? 0) + 1));
    client.on('data', counter);
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

const BOLT_MESSAGES: Record<number, string> = {
  0x01: 'HELLO',
  0x02: 'GOODBYE',
  0x0f: 'RESET',
  0x10: 'RUN',
  0x11: 'BEGIN',
  0x12: 'COMMIT',
  0x13: 'ROLLBACK',
  0x2f: 'DISCARD',
  0x3f: 'PULL',
  0x54: 'TELEMETRY',
  0x66: 'ROUTE',
  0x6a: 'LOGON',
  0x6b: 'LOGOFF',
};

/**
 * Reads a client's side of a Bolt connection: a 20-byte handshake (magic and four proposed
 * versions), then, when it proposed Bolt's version manifest (0x000001FF, drivers 5.23+), the
 * chosen version and a varint of capabilities; then messages as chunks (a 2-byte size and data),
 * each message ended by an empty chunk. A message's first bytes are a struct marker and its
 * signature, which names it.
 */
function boltMessageCounter(onMessage: (name: string) => void): (chunk: Buffer) => void {
  let stage: 'handshake' | 'version' | 'capabilities' | 'messages' = 'handshake';
  let pending = Buffer.alloc(0);
  let inMessage = false;
  return (chunk) => {
    pending = Buffer.concat([pending, chunk]);
    if (stage === 'handshake') {
      if (pending.length < 20) return;
      const proposals = [4, 8, 12, 16].map((offset) => pending.readUInt32BE(offset));
      stage = proposals.includes(0x1ff) ? 'version' : 'messages';
      pending = pending.subarray(20);
    }
    if (stage === 'version') {
      if (pending.length < 4) return;
      stage = 'capabilities';
      pending = pending.subarray(4);
    }
    while (stage === 'capabilities' && pending.length > 0) {
      if ((pending[0] & 0x80) === 0) stage = 'messages';
      pending = pending.subarray(1);
    }
    while (stage === 'messages' && pending.length >= 2) {
      const size = pending.readUInt16BE(0);
      if (size === 0) {
        inMessage = false;
        pending = pending.subarray(2);
        continue;
      }
      if (pending.length < 2 + size) break;
      if (!inMessage) onMessage(BOLT_MESSAGES[pending[3]] ?? `0x${pending[3].toString(16)}`);
      inMessage = true;
      pending = pending.subarray(2 + size);
    }
  };
}
