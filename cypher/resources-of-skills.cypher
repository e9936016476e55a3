// Returns, for each skill of $slugs that is taught, its key and the resource nodes, by slug.
MATCH (r:Resource)-[:TEACHES]->(s:Skill)
WHERE s.slug IN $slugs
WITH s, r
ORDER BY r.slug
RETURN s.slug AS key, collect(r) AS items
