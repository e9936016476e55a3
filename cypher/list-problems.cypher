// Returns totalCount (every problem report) and items: the problem nodes with a sequence below
// $before, newest first, at most $limit. Like list-changes, a page reads only its own rows.
RETURN COUNT { (:Problem) } AS totalCount,
  COLLECT {
    MATCH (p:Problem)
    WHERE p.sequence < $before
    RETURN p
    ORDER BY p.sequence DESC
    LIMIT $limit
  } AS items
