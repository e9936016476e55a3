// Returns one row, edges: every REQUIRES edge among the skills of $slugs and the skills that
// transitively require them, up to 25 hops, as {skill, requires, reason, strength}, following and
// returning only essential edges unless $helpful. Unknown slugs add nothing. The adapter trims
// the answer to the requested depth.
// Bounded, labelled, directed and DISTINCT, for the pruning var-length expand.
OPTIONAL MATCH (start:Skill)
WHERE start.slug IN $slugs
OPTIONAL MATCH (start)(()<-[step:REQUIRES WHERE $helpful OR step.strength = 'ESSENTIAL']-()){1,25}(dependent:Skill)
WITH collect(DISTINCT start) AS starts, collect(DISTINCT dependent) AS reached
WITH starts + [skill IN reached WHERE NOT skill IN starts] AS members
RETURN COLLECT {
  UNWIND members AS member
  MATCH (member)-[edge:REQUIRES]->(target:Skill)
  WHERE target IN members AND ($helpful OR edge.strength = 'ESSENTIAL')
  RETURN {skill: member.slug, requires: target.slug, reason: edge.reason, strength: edge.strength}
} AS edges
