// Returns, for each skill of $slugs that has sub-topics, its key and its children in slug order.
MATCH (child:Skill)-[:CHILD_OF]->(s:Skill)
WHERE s.slug IN $slugs
WITH s, child
ORDER BY child.slug
RETURN s.slug AS key, collect(child {
    .slug, .name, .aliases, .description, .estimatedHours,
    area: head([(child)-[:IN_AREA]->(skillArea:Area) | skillArea.slug]),
    level: head([(child)-[:AT_LEVEL]->(skillLevel:SeniorityLevel) | skillLevel.slug]),
    parent: head([(child)-[:CHILD_OF]->(skillParent:Skill) | skillParent.slug])
  }) AS items
