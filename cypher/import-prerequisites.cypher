// Creates or updates REQUIRES edges from $rows: [{skill, requires, reason, strength}].
UNWIND $rows AS row
MATCH (s:Skill {slug: row.skill})
MATCH (prerequisite:Skill {slug: row.requires})
MERGE (s)-[edge:REQUIRES]->(prerequisite)
SET edge.reason = row.reason, edge.strength = row.strength
