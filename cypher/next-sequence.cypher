// Returns the next number of the graph-wide write sequence (the lock is already held).
MATCH (lock:WriteLock {name: 'graph'})
SET lock.sequence = coalesce(lock.sequence, 0) + 1
RETURN lock.sequence AS sequence
