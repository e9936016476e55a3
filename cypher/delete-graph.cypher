// Deletes every node of the skill graph's labels, with their relationships (db:seed --reset).
MATCH (n)
WHERE n:Area OR n:SeniorityLevel OR n:Skill OR n:Responsibility OR n:Resource
DETACH DELETE n
