// Returns at most $first of the skills that require nothing, with unlockCount (how many distinct
// skills require each, transitively, bounded at 25 hops), most unlocking first, then by slug.
MATCH (s:Skill)
WHERE NOT EXISTS { (s)-[:REQUIRES]->(:Skill) }
WITH s, size(COLLECT {
  MATCH (s)<-[:REQUIRES*1..25]-(dependent:Skill)
  RETURN DISTINCT dependent
}) AS unlockCount
ORDER BY unlockCount DESC, s.slug
LIMIT $first
RETURN s {
    .slug, .name, .description, .estimatedHours,
    area: head([(s)-[:IN_AREA]->(skillArea:Area) | skillArea.slug]),
    level: head([(s)-[:AT_LEVEL]->(skillLevel:SeniorityLevel) | skillLevel.slug]),
    parent: head([(s)-[:CHILD_OF]->(skillParent:Skill) | skillParent.slug])
  } AS skill, unlockCount
