// Returns the Problem node of each id in $ids that exists; the adapter aligns them with the keys.
MATCH (p:Problem)
WHERE p.id IN $ids
RETURN p AS problem
