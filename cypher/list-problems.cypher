// Returns totalCount (every problem with status $status, or of any status when null) and items:
// those below sequence $before (all when null), newest first, at most $limit.
MATCH (p:Problem)
WHERE $status IS NULL OR p.status = $status
WITH p
ORDER BY p.sequence DESC
WITH collect(p) AS newestFirst
RETURN size(newestFirst) AS totalCount,
  [p IN newestFirst WHERE $before IS NULL OR p.sequence < $before][0..$limit] AS items
