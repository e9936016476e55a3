// Deletes every node of the skill graph's labels, its history and its problem reports, with their
// relationships (db:seed --reset, and the Neo4j tests).
MATCH (n)
WHERE n:Area OR n:SeniorityLevel OR n:Skill OR n:Responsibility OR n:Resource
  OR n:Change OR n:Problem OR n:WriteLock
DETACH DELETE n
