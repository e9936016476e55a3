// Test support, loaded with `--require` into the built process: SIGUSR2 runs a full garbage
// collection and then prints a line, so a test can read the live heap from /metrics instead of
// a heap full of garbage that V8 has had no reason to collect yet.
const { setFlagsFromString } = require('node:v8');
const { runInNewContext } = require('node:vm');

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
let collections = 0;
process.on('SIGUSR2', () => {
  gc();
  gc();
  collections += 1;
  process.stderr.write(`collected garbage ${collections}\n`);
});
