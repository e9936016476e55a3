// Returns totalCount (every skill matching the filter) and items: the page after $after in slug
// order, at most $limit long. $limit is first + 1 so the adapter can tell whether more follow;
// $search is lower-cased by the adapter. Null filter parameters match everything.
MATCH (s:Skill)
WHERE ($area IS NULL OR EXISTS { (s)-[:IN_AREA]->(:Area {slug: $area}) })
  AND ($level IS NULL OR EXISTS { (s)-[:AT_LEVEL]->(:SeniorityLevel {slug: $level}) })
  AND ($search IS NULL
    OR toLower(s.slug) CONTAINS $search
    OR toLower(s.name) CONTAINS $search
    OR toLower(s.description) CONTAINS $search)
WITH s
ORDER BY s.slug
WITH collect(s) AS matches
RETURN size(matches) AS totalCount,
  [page IN [m IN matches WHERE $after IS NULL OR m.slug > $after][0..$limit] | page {
    .slug, .name, .description, .estimatedHours,
    area: head([(page)-[:IN_AREA]->(skillArea:Area) | skillArea.slug]),
    level: head([(page)-[:AT_LEVEL]->(skillLevel:SeniorityLevel) | skillLevel.slug]),
    parent: head([(page)-[:CHILD_OF]->(skillParent:Skill) | skillParent.slug])
  }] AS items
