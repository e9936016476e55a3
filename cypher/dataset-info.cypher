// Returns one row: the edition of the content (version and date of the :Dataset node the import
// writes; null before any import), revision (the sequence of the latest accepted change, 0 when
// none) and the counts a frontend shows. Node and relationship counts come from the count store.
OPTIONAL MATCH (dataset:Dataset {key: 'skill-graph'})
RETURN dataset.version AS version, dataset.date AS date,
  COALESCE(COLLECT { MATCH (c:Change) WHERE c.sequence > 0 RETURN c.sequence ORDER BY c.sequence DESC LIMIT 1 }[0], 0)
    AS revision,
  COUNT { (:Area) } AS areas,
  COUNT { (:Skill) } AS skills,
  COUNT { ()-[edge:REQUIRES]->() WHERE edge.strength = 'ESSENTIAL' } AS essentialPrerequisites,
  COUNT { ()-[:REQUIRES]->() } AS prerequisites,
  COUNT { ()-[:RELATED_TO]->() } AS relatedTopics,
  COUNT { (:Responsibility) } AS responsibilities,
  COUNT { (:Resource) } AS resources,
  COUNT { (resource:Resource) WHERE resource.free } AS freeResources
