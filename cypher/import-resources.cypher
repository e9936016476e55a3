// Creates or updates resources from $rows: [{slug, title, kind, url, authors, year, free, access,
// difficulty, estimatedHours}]. A null year or difficulty, or an empty author list, leaves the
// property absent.
UNWIND $rows AS row
MERGE (r:Resource {slug: row.slug})
SET r.title = row.title, r.kind = row.kind, r.url = row.url, r.year = row.year, r.free = row.free,
  r.access = row.access, r.difficulty = row.difficulty,
  r.estimatedHours = row.estimatedHours,
  r.authors = CASE WHEN size(row.authors) = 0 THEN null ELSE row.authors END
