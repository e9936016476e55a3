// Returns totalCount (every change) and items: the change nodes with a sequence below $before,
// newest first, at most $limit. The count comes from the count store and the page from a range
// seek on the sequence index in descending order, so a page reads only its own rows.
RETURN COUNT { (:Change) } AS totalCount,
  COLLECT {
    MATCH (c:Change)
    WHERE c.sequence < $before
    RETURN c
    ORDER BY c.sequence DESC
    LIMIT $limit
  } AS items
