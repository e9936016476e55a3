// Takes the graph-wide write lock for the rest of the transaction: every write transaction runs
// this first, so writes are serialised and a rule checked inside one still holds at commit.
// The uniqueness constraint on WriteLock.name makes the MERGE itself safe under concurrency.
MERGE (lock:WriteLock {name: 'graph'})
SET lock.held = true
