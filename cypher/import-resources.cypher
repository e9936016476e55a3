// Creates or updates resources from $rows: [{slug, title, kind, url, authors, year, free,
// estimatedHours}]. A null year removes the property.
UNWIND $rows AS row
MERGE (r:Resource {slug: row.slug})
SET r.title = row.title, r.kind = row.kind, r.url = row.url, r.authors = row.authors, r.year = row.year,
  r.free = row.free, r.estimatedHours = row.estimatedHours
