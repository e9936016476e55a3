// Creates or updates skills from $rows: [{slug, name, aliases, description, estimatedHours, area,
// level, unlockCount, unlockCountAll}], linking each to exactly one area and one level (a link left
// over from an older dataset is removed). An empty alias list leaves the property absent. The
// import computes the counts; an API write sends nulls, which keep the skill's counts (0 for a new
// skill, which nothing can require yet).
UNWIND $rows AS row
MERGE (s:Skill {slug: row.slug})
SET s.name = row.name, s.description = row.description, s.estimatedHours = row.estimatedHours,
  s.aliases = CASE WHEN size(row.aliases) = 0 THEN null ELSE row.aliases END,
  s.unlockCount = coalesce(row.unlockCount, s.unlockCount, 0),
  s.unlockCountAll = coalesce(row.unlockCountAll, s.unlockCountAll, 0)
WITH s, row
MATCH (a:Area {slug: row.area})
MATCH (l:SeniorityLevel {slug: row.level})
MERGE (s)-[:IN_AREA]->(a)
MERGE (s)-[:AT_LEVEL]->(l)
WITH s, row
OPTIONAL MATCH (s)-[stale:IN_AREA|AT_LEVEL]->(other)
WHERE (other:Area AND other.slug <> row.area) OR (other:SeniorityLevel AND other.slug <> row.level)
DELETE stale
