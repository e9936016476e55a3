// Returns the skills that require nothing, in slug order.
MATCH (s:Skill)
WHERE NOT EXISTS { (s)-[:REQUIRES]->(:Skill) }
RETURN s {
    .slug, .name, .description, .estimatedHours,
    area: head([(s)-[:IN_AREA]->(skillArea:Area) | skillArea.slug]),
    level: head([(s)-[:AT_LEVEL]->(skillLevel:SeniorityLevel) | skillLevel.slug]),
    parent: head([(s)-[:CHILD_OF]->(skillParent:Skill) | skillParent.slug])
  } AS skill
ORDER BY s.slug
