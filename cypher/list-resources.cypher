// Returns totalCount (every resource matching the filter) and items: the resource nodes with a
// slug after $after ('' for the first page), in slug order, at most $limit of them. Null filter
// parameters match everything. As in list-skills, the page stops at $limit matches.
RETURN COUNT {
    MATCH (counted:Resource)
    WHERE ($kind IS NULL OR counted.kind = $kind)
      AND ($free IS NULL OR counted.free = $free)
      AND ($access IS NULL OR counted.access = $access)
      AND ($skill IS NULL OR EXISTS { (counted)-[:TEACHES]->(:Skill {slug: $skill}) })
  } AS totalCount,
  COLLECT {
    MATCH (r:Resource)
    WHERE r.slug > $after
      AND ($kind IS NULL OR r.kind = $kind)
      AND ($free IS NULL OR r.free = $free)
      AND ($access IS NULL OR r.access = $access)
      AND ($skill IS NULL OR EXISTS { (r)-[:TEACHES]->(:Skill {slug: $skill}) })
    WITH r
    ORDER BY r.slug
    LIMIT $limit
    RETURN r
  } AS items
