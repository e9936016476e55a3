// Returns every area node, in the guide's order.
MATCH (a:Area)
RETURN a AS area
ORDER BY a.position
