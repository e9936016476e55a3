// Creates or updates areas from $rows: [{slug, name, description, position}].
UNWIND $rows AS row
MERGE (a:Area {slug: row.slug})
SET a.name = row.name, a.description = row.description, a.position = row.position
