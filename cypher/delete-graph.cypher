// Deletes every node of the skill graph's labels, its history and its problem reports, with their
// relationships (db:seed --reset, and the Neo4j tests), and restarts the change sequence. The
// WriteLock node itself stays: the deleting transaction holds it, and writers queued on it must
// find it still there when they get it.
MATCH (n)
WHERE n:Area OR n:SeniorityLevel OR n:Skill OR n:Responsibility OR n:Resource OR n:Change OR n:Problem
DETACH DELETE n
WITH count(*) AS deleted
MATCH (lock:WriteLock {name: 'graph'})
REMOVE lock.sequence
