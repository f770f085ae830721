"""Email review requests: which are due (planning), queueing them with their email (queueing,
content), following them once sent (lifecycle), and recording their answers (answering)."""
