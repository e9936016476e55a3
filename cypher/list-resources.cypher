// Returns totalCount (every resource matching the filter) and items: the resource nodes after
// $after in slug order, at most $limit of them. Null filter parameters match everything.
MATCH (r:Resource)
WHERE ($kind IS NULL OR r.kind = $kind)
  AND ($free IS NULL OR r.free = $free)
  AND ($skill IS NULL OR EXISTS { (r)-[:TEACHES]->(:Skill {slug: $skill}) })
WITH r
ORDER BY r.slug
WITH collect(r) AS matches
RETURN size(matches) AS totalCount,
  [m IN matches WHERE $after IS NULL OR m.slug > $after][0..$limit] AS items
