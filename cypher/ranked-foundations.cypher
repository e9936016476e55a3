// Returns at most $first of the skills that essentially require nothing (they may have helpful
// prerequisites), with unlockCount (over essential edges, kept on the node: see unlock-counts),
// most unlocking first, then by slug. The unlockCount index is read in descending order and the
// walk stops once $first foundations are found (the tie-break on slug is a partial sort), so the
// answer costs about $first rows, not one per skill.
MATCH (s:Skill)
USING INDEX s:Skill(unlockCount)
WHERE s.unlockCount >= 0 AND NOT EXISTS { (s)-[edge:REQUIRES]->(:Skill) WHERE edge.strength = 'ESSENTIAL' }
WITH s
ORDER BY s.unlockCount DESC, s.slug
LIMIT $first
RETURN s {
    .slug, .name, .aliases, .description, .estimatedHours,
    area: head([(s)-[:IN_AREA]->(skillArea:Area) | skillArea.slug]),
    level: head([(s)-[:AT_LEVEL]->(skillLevel:SeniorityLevel) | skillLevel.slug]),
    parent: head([(s)-[:CHILD_OF]->(skillParent:Skill) | skillParent.slug])
  } AS skill, s.unlockCount AS unlockCount
