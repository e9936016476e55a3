// Returns, for each level of $slugs with responsibilities, its key and those tagged with it,
// in the guide's order.
MATCH (r:Responsibility)-[:EXPECTED_AT]->(l:SeniorityLevel)
WHERE l.slug IN $slugs
WITH l, r
ORDER BY r.position
RETURN l.slug AS key, collect(r {.slug, .name, .description, .category, .position, level: l.slug}) AS items
