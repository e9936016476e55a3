// Returns the responsibilities matching $category and $levels (a list of level slugs), in the
// guide's order. Null parameters match everything.
MATCH (r:Responsibility)-[:EXPECTED_AT]->(l:SeniorityLevel)
WHERE ($category IS NULL OR r.category = $category)
  AND ($levels IS NULL OR l.slug IN $levels)
RETURN r {.slug, .name, .description, .category, .position, level: l.slug} AS responsibility
ORDER BY r.position
