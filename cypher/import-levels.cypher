// Creates or updates seniority levels from $rows: [{slug, name, rank, description}].
UNWIND $rows AS row
MERGE (l:SeniorityLevel {slug: row.slug})
SET l.name = row.name, l.rank = row.rank, l.description = row.description
