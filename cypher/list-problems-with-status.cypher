// Returns totalCount (the problems with status $status) and items: those with a sequence below
// $before, newest first, at most $limit. Both parts use the (status, sequence) index: the page
// is a seek that stops after $limit rows, the count reads index entries and no nodes. The hints
// keep the planner from scanning the whole index in order instead (it did, on skewed statuses).
RETURN COUNT {
    MATCH (counted:Problem)
    USING INDEX counted:Problem(status, sequence)
    WHERE counted.status = $status AND counted.sequence IS NOT NULL
  } AS totalCount,
  COLLECT {
    MATCH (p:Problem)
    USING INDEX SEEK p:Problem(status, sequence)
    WHERE p.status = $status AND p.sequence < $before
    RETURN p
    ORDER BY p.status DESC, p.sequence DESC
    LIMIT $limit
  } AS items
