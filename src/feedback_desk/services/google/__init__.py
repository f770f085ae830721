"""The studio's Google Business Profile: connect, sync reviews, link them to clients, reply.

``api`` talks to Google (through ``AuthorizedSession``, with backoff); ``auth`` builds credentials
and keeps the secrets in the keyring; ``connection`` connects and disconnects a location;
``sync`` keeps the local archive; ``linking`` and ``replies`` are staff's actions; ``queries``
answers the tab, the charts and ``google reviews --json``.
"""
