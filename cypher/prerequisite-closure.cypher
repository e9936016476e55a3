// Returns one row when $slug exists: its slug and edges, every REQUIRES edge among the skill and
// its transitive prerequisites up to 25 hops (the domain's MAX_CHAIN_DEPTH), as {skill, requires,
// reason}. No row when the skill does not exist. The adapter trims to the requested depth.
// Bounded, labelled, directed and DISTINCT, so Neo4j can use its pruning var-length expand
// instead of enumerating every path through the DAG's diamonds.
MATCH (start:Skill {slug: $slug})
OPTIONAL MATCH (start)-[:REQUIRES*1..25]->(prerequisite:Skill)
WITH start, collect(DISTINCT prerequisite) + start AS members
RETURN start.slug AS slug,
  COLLECT {
    UNWIND members AS member
    MATCH (member)-[edge:REQUIRES]->(target:Skill)
    WHERE target IN members
    RETURN {skill: member.slug, requires: target.slug, reason: edge.reason}
  } AS edges
