// Deletes the skill $slug and every relationship that touches it. Returns prerequisites: the
// slugs of the skills it required, whose unlock counts the deletion can lower.
MATCH (s:Skill {slug: $slug})
OPTIONAL MATCH (s)-[:REQUIRES]->(prerequisite:Skill)
WITH s, collect(prerequisite.slug) AS prerequisites
DETACH DELETE s
RETURN prerequisites
