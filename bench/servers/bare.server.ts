import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

// The floor: a bare node:http server that reads each request's body and answers with the exact
// bytes the API answered for the same query, with the same content type.
const body = readFileSync(process.env.BENCH_RESPONSE_FILE as string);
const server = createServer((request, response) => {
  request.on('data', () => undefined);
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
    response.end(body);
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  process.stdout.write(`ready http://127.0.0.1:${address.port}/graphql\n`);
});
