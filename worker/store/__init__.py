"""Storage: SQLModel tables (``models``), engine/session handling (``db``) and queries."""
