"""Alert delivery: the outbox policy, signed webhooks with durable retries,
email digests and source-health notices.

Only :mod:`worker.deliver.outbox` is pure; the rest talks to the database,
HTTP receivers and SMTP servers.
"""
