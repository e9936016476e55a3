// Returns one row, edges: every REQUIRES edge among the skills of $slugs and their transitive
// prerequisites up to 25 hops (the domain's MAX_CHAIN_DEPTH), as {skill, requires, reason,
// strength}, following and returning only essential edges unless $helpful. Unknown slugs add
// nothing. The adapter trims the answer to the requested depth.
// Bounded, labelled, directed, with the strength test on each relationship and DISTINCT ends, so
// Neo4j can use its pruning var-length expand instead of enumerating every path.
OPTIONAL MATCH (start:Skill)
WHERE start.slug IN $slugs
OPTIONAL MATCH (start)(()-[step:REQUIRES WHERE $helpful OR step.strength = 'ESSENTIAL']->()){1,25}(prerequisite:Skill)
WITH collect(DISTINCT start) AS starts, collect(DISTINCT prerequisite) AS reached
WITH starts + [skill IN reached WHERE NOT skill IN starts] AS members
RETURN COLLECT {
  UNWIND members AS member
  MATCH (member)-[edge:REQUIRES]->(target:Skill)
  WHERE target IN members AND ($helpful OR edge.strength = 'ESSENTIAL')
  RETURN {skill: member.slug, requires: target.slug, reason: edge.reason, strength: edge.strength}
} AS edges
