// Creates RELATED_TO edges from $rows: [{skill, related}]. The undirected MERGE finds an edge in
// either direction, so each pair is stored once.
UNWIND $rows AS row
MATCH (a:Skill {slug: row.skill})
MATCH (b:Skill {slug: row.related})
MERGE (a)-[:RELATED_TO]-(b)
