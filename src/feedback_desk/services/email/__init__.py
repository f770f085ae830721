"""Email: building messages safely (``email.message.EmailMessage`` only) and sending them over SMTP.

Nothing here knows about the outbox: it turns a row's content into a MIME message and hands it
to an injected transport, so tests point the transport at a real SMTP server on loopback.
"""
