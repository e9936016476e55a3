// Returns, for each responsibility of $slugs, its key and the skills it needs, by slug.
MATCH (r:Responsibility)-[:NEEDS]->(s:Skill)
WHERE r.slug IN $slugs
WITH r, s
ORDER BY s.slug
RETURN r.slug AS key, collect(s {
    .slug, .name, .aliases, .description, .estimatedHours,
    area: head([(s)-[:IN_AREA]->(skillArea:Area) | skillArea.slug]),
    level: head([(s)-[:AT_LEVEL]->(skillLevel:SeniorityLevel) | skillLevel.slug]),
    parent: head([(s)-[:CHILD_OF]->(skillParent:Skill) | skillParent.slug])
  }) AS items
