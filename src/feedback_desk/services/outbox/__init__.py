"""The outbox: every outgoing email is a row, claimed atomically and sent at most once.

- :func:`~feedback_desk.services.outbox.queue.queue_message` puts a message in the outbox (the one
  way any feature sends email);
- :func:`~feedback_desk.services.outbox.sender.send_due` sends what is due over one SMTP
  connection, at most ``outbox.per_minute``;
- :mod:`~feedback_desk.services.outbox.staff` lets staff retry, cancel and resolve messages;
- :func:`~feedback_desk.services.outbox.run.run_outbox` is one run of ``send-outbox``.
"""
