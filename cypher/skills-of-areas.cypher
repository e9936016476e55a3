// Returns, for each area of $slugs that has skills, its key and its skills in slug order.
MATCH (s:Skill)-[:IN_AREA]->(a:Area)
WHERE a.slug IN $slugs
WITH a, s
ORDER BY s.slug
RETURN a.slug AS key, collect(s {
    .slug, .name, .aliases, .description, .estimatedHours,
    area: head([(s)-[:IN_AREA]->(skillArea:Area) | skillArea.slug]),
    level: head([(s)-[:AT_LEVEL]->(skillLevel:SeniorityLevel) | skillLevel.slug]),
    parent: head([(s)-[:CHILD_OF]->(skillParent:Skill) | skillParent.slug])
  }) AS items
