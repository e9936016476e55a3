// Records the edition of the content from $rows: [{version, date}] (none for a graph without one)
// on the single :Dataset node.
UNWIND $rows AS row
MERGE (dataset:Dataset {key: 'skill-graph'})
SET dataset.version = row.version, dataset.date = row.date
