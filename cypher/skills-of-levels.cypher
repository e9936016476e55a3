// Returns, for each level of $slugs that has skills, its key and its skills in slug order.
MATCH (s:Skill)-[:AT_LEVEL]->(l:SeniorityLevel)
WHERE l.slug IN $slugs
WITH l, s
ORDER BY s.slug
RETURN l.slug AS key, collect(s {
    .slug, .name, .aliases, .description, .estimatedHours,
    area: head([(s)-[:IN_AREA]->(skillArea:Area) | skillArea.slug]),
    level: head([(s)-[:AT_LEVEL]->(skillLevel:SeniorityLevel) | skillLevel.slug]),
    parent: head([(s)-[:CHILD_OF]->(skillParent:Skill) | skillParent.slug])
  }) AS items
