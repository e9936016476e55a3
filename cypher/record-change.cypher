// Records one accepted change. $at is an ISO 8601 string.
CREATE (:Change {
  sequence: $sequence, at: datetime($at), editor: $editor, operation: $operation,
  subject: $subject, details: $details
})
