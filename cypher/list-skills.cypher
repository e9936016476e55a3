// Returns totalCount (every skill matching the filter) and items: the page of skills with a slug
// after $after ('' for the first page), in slug order, at most $limit long. $limit is first + 1
// so the adapter can tell whether more follow; $search is lower-cased by the adapter. Null
// filter parameters match everything. The page walks the slug index in order and stops at
// $limit matches; only the count visits every match.
RETURN COUNT {
    MATCH (counted:Skill)
    WHERE ($area IS NULL OR EXISTS { (counted)-[:IN_AREA]->(:Area {slug: $area}) })
      AND ($level IS NULL OR EXISTS { (counted)-[:AT_LEVEL]->(:SeniorityLevel {slug: $level}) })
      AND ($search IS NULL
        OR toLower(counted.slug) CONTAINS $search
        OR toLower(counted.name) CONTAINS $search
        OR toLower(counted.description) CONTAINS $search
        OR any(alias IN coalesce(counted.aliases, []) WHERE toLower(alias) CONTAINS $search))
  } AS totalCount,
  COLLECT {
    MATCH (s:Skill)
    WHERE s.slug > $after
      AND ($area IS NULL OR EXISTS { (s)-[:IN_AREA]->(:Area {slug: $area}) })
      AND ($level IS NULL OR EXISTS { (s)-[:AT_LEVEL]->(:SeniorityLevel {slug: $level}) })
      AND ($search IS NULL
        OR toLower(s.slug) CONTAINS $search
        OR toLower(s.name) CONTAINS $search
        OR toLower(s.description) CONTAINS $search
        OR any(alias IN coalesce(s.aliases, []) WHERE toLower(alias) CONTAINS $search))
    WITH s
    ORDER BY s.slug
    LIMIT $limit
    RETURN s {
      .slug, .name, .aliases, .description, .estimatedHours,
      area: head([(s)-[:IN_AREA]->(skillArea:Area) | skillArea.slug]),
      level: head([(s)-[:AT_LEVEL]->(skillLevel:SeniorityLevel) | skillLevel.slug]),
      parent: head([(s)-[:CHILD_OF]->(skillParent:Skill) | skillParent.slug])
    }
  } AS items
