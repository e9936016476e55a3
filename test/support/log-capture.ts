import { Writable } from 'node:stream';

/** Log lines written by a server, parsed (give it as `logStream` with LOG_LEVEL=info). */
export class LogCapture extends Writable {
  readonly lines: Record<string, unknown>[] = [];

  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') this.lines.push(JSON.parse(line));
    done();
  }

  /** The request line of the request with this id, once the server has written it. */
  async requestLine(requestId: string): Promise<Record<string, unknown>> {
    for (let attempt = 0; attempt < 200; attempt++) {
      const line = this.lines.find((l) => l.msg === 'request' && l.requestId === requestId);
      if (line !== undefined) return line;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`no request line for ${requestId}`);
  }
}
