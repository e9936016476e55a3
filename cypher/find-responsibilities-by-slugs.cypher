// Returns each responsibility of $slugs that exists, with its level slug.
MATCH (r:Responsibility)-[:EXPECTED_AT]->(l:SeniorityLevel)
WHERE r.slug IN $slugs
RETURN r {.slug, .name, .description, .category, .position, level: l.slug} AS responsibility
