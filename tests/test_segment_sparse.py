"""The boundary rules lean towards a start where the text around is nearly all
paragraphs (a scrape of article text, as the seed dump is): segment._sparse_of and
the sparse weight."""

from __future__ import annotations

import numpy as np

from worker import segment as S
from worker.clean import BODY, BOILER, CAPTION, CONT, HEAD
from worker.dumpio import RawLine


def test_sparse_is_little_furniture_within_the_span() -> None:
    span = S.SPARSE_SPAN
    roles = np.array(([HEAD] + [BODY] * 8 + [CONT]) * 30, dtype=np.int8)
    sparse = S._sparse_of(roles)
    assert all(sparse(i) for i in range(len(roles)))
    menus = np.array([BOILER, CAPTION, HEAD, BODY] * 60, dtype=np.int8)
    assert not any(map(S._sparse_of(menus), range(len(menus))))
    # a furniture-heavy stretch far away does not count
    mixed = np.array([BODY] * (3 * span) + [BOILER] * (3 * span), dtype=np.int8)
    near = S._sparse_of(mixed)
    assert near(span) and not near(4 * span)


def _scores(lines: list[str], weights: S.Weights) -> tuple[list, dict[int, float]]:
    ents: list = []
    S._push_many(ents, [RawLine(i + 1, 0, 0, t) for i, t in enumerate(lines)])
    coh, terms = S._cohesion_terms(ents)
    return ents, {i: s for s, i in S.score_gaps(ents, 1, weights, coh, terms)}


def test_the_sparse_weight_lifts_only_headers_and_only_in_sparse_text() -> None:
    """The same page tops in sparse and in dense text: the weight adds to the score of
    a header line where the text is sparse, and to nothing else."""
    story = [f"Paragraph {k} of a story on the harbour, its boats and nets." for k in range(8)]
    sparse = ["Harbour board approves dredging plan", *story] * 3
    dense = [x for line in sparse for x in (line, "Advertisement", "Share this article")]
    for lines, lifted_where_sparse in ((sparse, True), (dense, False)):
        ents, base = _scores(lines, S.Weights(sparse=0.0))
        _, lifted = _scores(lines, S.Weights(sparse=0.5))
        assert base.keys() == lifted.keys()
        heads = [i for i in base if ents[i].info.role == HEAD]
        assert heads
        for i, score in base.items():
            up = 0.5 if lifted_where_sparse and ents[i].info.role != BODY else 0.0
            assert abs(lifted[i] - score - up) < 1e-9, (i, ents[i].raw.text)
