// Returns, for each skill of $slugs that responsibilities need, its key and those
// responsibilities in the guide's order.
MATCH (r:Responsibility)-[:NEEDS]->(s:Skill)
WHERE s.slug IN $slugs
MATCH (r)-[:EXPECTED_AT]->(l:SeniorityLevel)
WITH s, r, l
ORDER BY r.position
RETURN s.slug AS key, collect(r {.slug, .name, .description, .category, .position, level: l.slug}) AS items
