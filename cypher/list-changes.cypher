// Returns totalCount (every change) and items: the change nodes below sequence $before (all when
// null), newest first, at most $limit.
MATCH (c:Change)
WITH c
ORDER BY c.sequence DESC
WITH collect(c) AS newestFirst
RETURN size(newestFirst) AS totalCount,
  [c IN newestFirst WHERE $before IS NULL OR c.sequence < $before][0..$limit] AS items
