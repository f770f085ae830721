"""The studio's mailbox: reading answers to review requests and other replies back over IMAP.

- :mod:`~feedback_desk.services.inbox.imap`: the injectable IMAP transport (``imapclient``);
- :mod:`~feedback_desk.services.inbox.reading`: one raw message as plain values (``email``);
- :mod:`~feedback_desk.services.inbox.recognizing`: whether a message is ours, and what it answers;
- :mod:`~feedback_desk.services.inbox.processing`: what one of our messages becomes (a review or an
  inbound message), in one transaction with the record that it was processed;
- :mod:`~feedback_desk.services.inbox.fetch`: one pass over the mailbox (``fetch-inbox``);
- :mod:`~feedback_desk.services.inbox.listing`: inbound messages for staff, marking them handled.
"""
