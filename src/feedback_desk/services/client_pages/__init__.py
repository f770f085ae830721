"""Client pages served on the studio's network: pairing kiosk tablets, their addresses, QR codes.

The pages themselves live in ``feedback_desk.web``; this package is what the window's Settings →
Client pages, the command line and the pages share.
"""
