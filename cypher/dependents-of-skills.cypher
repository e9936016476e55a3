// Returns, for each skill of $slugs that others require, its key and items: {skill, requires}
// pairs of each dependent skill and the REQUIRES relationship, by slug.
MATCH (dependent:Skill)-[edge:REQUIRES]->(s:Skill)
WHERE s.slug IN $slugs
WITH s, edge, dependent
ORDER BY dependent.slug
RETURN s.slug AS key, collect({skill: dependent {
    .slug, .name, .aliases, .description, .estimatedHours,
    area: head([(dependent)-[:IN_AREA]->(skillArea:Area) | skillArea.slug]),
    level: head([(dependent)-[:AT_LEVEL]->(skillLevel:SeniorityLevel) | skillLevel.slug]),
    parent: head([(dependent)-[:CHILD_OF]->(skillParent:Skill) | skillParent.slug])
  }, requires: edge}) AS items
