"""What an unclear message asks of the owner, so the one clarifying question fits it.

"How much for a lesson?" answered with "What would you like to talk about?" reads as if
nobody read it. Three kinds of vague ask have a question of their own (phrasebook
`CLARIFY_BY_ASK`): a price asked for, a question announced but not asked, a proposal not
described. Anything else gets the general question. Hand-written patterns in the seven
template languages; the first kind that matches wins.
"""

from __future__ import annotations

import re

PRICE = "price"
QUESTION = "question"
PROPOSAL = "proposal"

_KINDS = (
    (
        # The owner's own price: "what's your budget?" is a seller asking, not a price asked.
        PRICE,
        re.compile(
            r"how much|price list|your (?:prices?|rates?|fees?|tariffs?)|what do (?:you|u) "
            r"charge|\b(?:price|cost|rate)s?\s*\?|what(?:'s| is) the (?:price|cost)|\bquote\b|"
            r"\bhourly\b|\bur (?:prices|rates)\b|combien|cuánto (?:cuesta|cobras|cobra|sale)|"
            r"(?:sus|tus) precios|quanto (?:custa|costa|cobra)|seus preços|wat kost|(?:uw|je) "
            r"prijzen|was kostet|ihre preise|vos (?:tarifs|prix)|i vostri prezzi|i tuoi prezzi",
            re.IGNORECASE,
        ),
    ),
    (
        QUESTION,
        re.compile(
            r"quick question|a question|got a (?:minute|sec)|(?:have|got) a moment|quick one|"
            r"une question|una pregunta|uma pergunta|eine (?:kurze )?frage|una domanda|een "
            r"vraag",
            re.IGNORECASE,
        ),
    ),
    (
        PROPOSAL,
        re.compile(
            r"proposal|partnership|collaborat|opportunit|propuesta|proposition|partenariat|"
            r"vorschlag|kooperation|proposta|parceria|collaborazione|voorstel|samenwerking",
            re.IGNORECASE,
        ),
    ),
)


def unclear_ask(text: str) -> str:
    """PRICE, QUESTION, PROPOSAL, or "" for any other vague message."""
    return next((kind for kind, pattern in _KINDS if pattern.search(text)), "")
