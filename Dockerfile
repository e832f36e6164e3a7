# newswatch worker image: the same image runs migrations, workers and beat.
FROM python:3.11-slim
COPY --from=ghcr.io/astral-sh/uv:0.5 /uv /usr/local/bin/uv
ENV UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy PYTHONUNBUFFERED=1
WORKDIR /app
COPY pyproject.toml uv.lock README.md ./
RUN uv sync --frozen --no-dev --no-install-project
COPY worker ./worker
COPY migrations ./migrations
COPY rules ./rules
COPY examples ./examples
RUN uv sync --frozen --no-dev
ENV PATH="/app/.venv/bin:$PATH" NEWSWATCH_RULES=/app/rules NEWSWATCH_DATA_DIR=/data
RUN useradd --system --create-home newswatch && mkdir -p /data && chown newswatch /data
USER newswatch
CMD ["newswatch", "run"]
