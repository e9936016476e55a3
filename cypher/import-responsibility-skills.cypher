// Creates NEEDS edges from $rows: [{from: responsibility slug, skill}].
UNWIND $rows AS row
MATCH (r:Responsibility {slug: row.from})
MATCH (s:Skill {slug: row.skill})
MERGE (r)-[:NEEDS]->(s)
