// Returns up to $first hits of the full-text index for $query (a Lucene query the adapter builds
// from the user's words), best first: score, kind, the node, and for skills their area, level
// and parent slugs.
CALL db.index.fulltext.queryNodes('search_names_aliases_text', $query, {limit: $first})
YIELD node, score
RETURN score,
  CASE WHEN node:Skill THEN 'Skill' WHEN node:Resource THEN 'Resource' ELSE 'Area' END AS kind,
  node,
  head([(node)-[:IN_AREA]->(skillArea:Area) | skillArea.slug]) AS area,
  head([(node)-[:AT_LEVEL]->(skillLevel:SeniorityLevel) | skillLevel.slug]) AS level,
  head([(node)-[:CHILD_OF]->(skillParent:Skill) | skillParent.slug]) AS parent
ORDER BY score DESC, node.slug
