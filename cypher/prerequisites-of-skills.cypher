// Returns, for each skill of $slugs that requires others, its key and items: {skill, requires}
// pairs of each prerequisite and the REQUIRES relationship (which holds the reason), by slug.
MATCH (s:Skill)-[edge:REQUIRES]->(prerequisite:Skill)
WHERE s.slug IN $slugs
WITH s, edge, prerequisite
ORDER BY prerequisite.slug
RETURN s.slug AS key, collect({skill: prerequisite {
    .slug, .name, .aliases, .description, .estimatedHours,
    area: head([(prerequisite)-[:IN_AREA]->(skillArea:Area) | skillArea.slug]),
    level: head([(prerequisite)-[:AT_LEVEL]->(skillLevel:SeniorityLevel) | skillLevel.slug]),
    parent: head([(prerequisite)-[:CHILD_OF]->(skillParent:Skill) | skillParent.slug])
  }, requires: edge}) AS items
