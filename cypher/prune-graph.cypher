// Deletes what the dataset does not hold (db:seed --reset, and the Neo4j tests): nodes of the
// graph's labels whose slug is not in $areas, $levels, $skills, $responsibilities or $resources;
// REQUIRES, RELATED_TO, NEEDS and TEACHES edges whose "from>to" key is not in $prerequisites,
// $related, $responsibilitySkills or $resourceSkills (RELATED_TO matches either way round); all
// history and problem reports. The change sequence restarts. Everything the dataset keeps stays
// in place and the import updates it, so readers never meet a graph deleted and not yet rebuilt.
// The WriteLock node stays: the pruning transaction holds it, and queued writers wait on it.
CALL () {
  MATCH (n)
  WHERE (n:Area AND NOT n.slug IN $areas)
    OR (n:SeniorityLevel AND NOT n.slug IN $levels)
    OR (n:Skill AND NOT n.slug IN $skills)
    OR (n:Responsibility AND NOT n.slug IN $responsibilities)
    OR (n:Resource AND NOT n.slug IN $resources)
    OR n:Change OR n:Problem
  DETACH DELETE n
}
CALL () {
  MATCH (s:Skill)-[edge:REQUIRES]->(p:Skill)
  WHERE NOT s.slug + '>' + p.slug IN $prerequisites
  DELETE edge
}
CALL () {
  MATCH (a:Skill)-[edge:RELATED_TO]->(b:Skill)
  WHERE NOT a.slug + '>' + b.slug IN $related AND NOT b.slug + '>' + a.slug IN $related
  DELETE edge
}
CALL () {
  MATCH (r:Responsibility)-[edge:NEEDS]->(s:Skill)
  WHERE NOT r.slug + '>' + s.slug IN $responsibilitySkills
  DELETE edge
}
CALL () {
  MATCH (r:Resource)-[edge:TEACHES]->(s:Skill)
  WHERE NOT r.slug + '>' + s.slug IN $resourceSkills
  DELETE edge
}
MATCH (lock:WriteLock {name: 'graph'})
REMOVE lock.sequence
