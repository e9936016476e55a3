// Creates or updates responsibilities from $rows: [{slug, name, description, category, position,
// level}], linking each to exactly one level.
UNWIND $rows AS row
MERGE (r:Responsibility {slug: row.slug})
SET r.name = row.name, r.description = row.description, r.category = row.category, r.position = row.position
WITH r, row
MATCH (l:SeniorityLevel {slug: row.level})
MERGE (r)-[:EXPECTED_AT]->(l)
WITH r, row
OPTIONAL MATCH (r)-[stale:EXPECTED_AT]->(other:SeniorityLevel)
WHERE other.slug <> row.level
DELETE stale
