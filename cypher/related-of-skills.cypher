// Returns, for each skill of $slugs with related topics, its key and those skills by slug.
// RELATED_TO is stored once per pair, so it is matched in both directions.
MATCH (s:Skill)-[:RELATED_TO]-(other:Skill)
WHERE s.slug IN $slugs
WITH DISTINCT s, other
ORDER BY other.slug
RETURN s.slug AS key, collect(other {
    .slug, .name, .aliases, .description, .estimatedHours,
    area: head([(other)-[:IN_AREA]->(skillArea:Area) | skillArea.slug]),
    level: head([(other)-[:AT_LEVEL]->(skillLevel:SeniorityLevel) | skillLevel.slug]),
    parent: head([(other)-[:CHILD_OF]->(skillParent:Skill) | skillParent.slug])
  }) AS items
