// Waits until every index is online, so the first queries after a seed can use them.
CALL db.awaitIndexes(300)
