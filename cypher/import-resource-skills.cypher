// Creates TEACHES edges from $rows: [{from: resource slug, skill}].
UNWIND $rows AS row
MATCH (r:Resource {slug: row.from})
MATCH (s:Skill {slug: row.skill})
MERGE (r)-[:TEACHES]->(s)
