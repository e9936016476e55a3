// Sets each skill's parent from $rows: [{slug, parent}] (parent null for a top-level skill),
// removing a parent link the dataset no longer has.
UNWIND $rows AS row
MATCH (child:Skill {slug: row.slug})
OPTIONAL MATCH (child)-[stale:CHILD_OF]->(old:Skill)
WHERE row.parent IS NULL OR old.slug <> row.parent
DELETE stale
WITH DISTINCT child, row
WHERE row.parent IS NOT NULL
MATCH (parent:Skill {slug: row.parent})
MERGE (child)-[:CHILD_OF]->(parent)
