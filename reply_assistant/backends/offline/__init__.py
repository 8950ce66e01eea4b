"""The built-in offline backend: sentence embeddings, a fitted classifier, template drafts.

Importing the package is cheap: the model (numpy, the encoder's weights) is imported with
`offline.backend`, so a screen can know what the backend can do before loading it.
"""

from __future__ import annotations

from reply_assistant.backends.base import Capabilities

# `r` gives the next phrasing for the occasion (drafts.redraft_variant).
CAPABILITIES = Capabilities(
    judges_in_bulk=True, local=True, varied_drafts=True, learns_from_corrections=True
)
