// Returns each skill of $slugs that exists, with its area, level and parent slugs.
MATCH (s:Skill)
WHERE s.slug IN $slugs
RETURN s {
    .slug, .name, .aliases, .description, .estimatedHours,
    area: head([(s)-[:IN_AREA]->(skillArea:Area) | skillArea.slug]),
    level: head([(s)-[:AT_LEVEL]->(skillLevel:SeniorityLevel) | skillLevel.slug]),
    parent: head([(s)-[:CHILD_OF]->(skillParent:Skill) | skillParent.slug])
  } AS skill
