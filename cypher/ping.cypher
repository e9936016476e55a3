// Returns one row when the database answers; the readiness check runs it.
RETURN 1 AS ok
