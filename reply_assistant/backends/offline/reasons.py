"""From label and signals to the verdict's action and its one-sentence reason."""

from __future__ import annotations

from reply_assistant.backends.offline.signals import Signals
from reply_assistant.models import DEFAULT_ACTION, Action, Label


def choose_action(label: Label, found: Signals) -> Action:
    # A reply to a scam confirms a live address and a sponsored message has no one to
    # read it: neither gets one. Phishing (a login, a code, "your account will be
    # suspended") gets none whatever the label: the model may read it as merely unclear.
    if found.has("phishing"):
        return Action.NO_REPLY
    if label is Label.SPAM and (found.has("scam") or found.has("sponsored")):
        return Action.NO_REPLY
    return DEFAULT_ACTION[label]


def build_reason(label: Label, found: Signals) -> str:
    if label is Label.SPAM:
        return _spam_reason(found)
    if label is Label.RELATIONSHIP:
        return _relationship_reason(found)
    if found.has("phishing"):
        return "Asks for a login, a code or your details: treat it as phishing."
    if found.has("greeting only"):
        return "Only a greeting so far, with no clear purpose."
    if found.has("link only"):
        return "Only a link, with no word on what the sender wants."
    return "The sender's purpose is not clear from the message."


def _spam_reason(found: Signals) -> str:
    if found.has("sponsored"):
        return "Sponsored message sent as advertising, not written to you."
    if found.has("phishing"):
        return "Phishing: asks for a login, a code or your details, or threatens the account."
    if found.has("scam"):
        return "Scam or phishing language: money, crypto or account verification."
    if found.has("prompt injection"):
        return "Pitch that tries to instruct the assistant instead of writing to you."
    if found.has("placeholder"):
        return "Mass message with an unfilled template placeholder."
    # Who sent it, when the export says: a connection's pitch is named as one, since being
    # connected is what makes a person doubt the verdict.
    if found.has("1st-degree"):
        sender = " from a 1st-degree connection"
    elif found.has("no prior contact"):
        sender = " from someone you have not talked to before"
    else:
        sender = ""
    if found.has("follow-up nag"):
        return f"Repeated follow-up to a pitch you never answered{sender}."
    if found.has("pitch"):
        demo = any("demo" in word for word in found.pitch_words)
        link = (
            " with a demo link"
            if demo and found.has("link")
            else (" with a link" if found.has("link") else "")
        )
        return f"Sales pitch{link}{sender}."
    if found.has("fake familiarity"):
        return "Claims a past conversation that never happened, to sell something."
    if found.has("1st-degree"):
        # Written to the owner, often warmly: no mass message, and no relationship either.
        return (
            "Wants something from you: a 1st-degree connection, but no relationship behind the ask."
        )
    return f"Reads like an unsolicited mass message{sender}."


def _relationship_reason(found: Signals) -> str:
    if found.has("phishing"):
        return "Asks for a login, a code or your details: treat it as phishing."
    # The reason must not contradict the signals listed beside it ("someone who knows you"
    # next to "no prior contact", "no sales pitch" next to "pitch").
    # Who the sender is, only when the export says so: an unknown connection is not a
    # stranger (no connections list, or a message typed in by hand).
    if found.has("1st-degree"):
        who = "a 1st-degree connection"
    elif found.has("no prior contact"):
        who = "someone new to you"
    elif found.has("you replied before"):
        who = "someone you have talked to before"
    else:
        who = ""
    from_who, by_who = (f" from {who}", f" by {who}") if who else ("", "")
    if found.has("warm intro"):
        return "Warm introduction through someone you both know."
    if found.has("loss"):
        return f"A personal message about a loss{from_who}."
    if found.has("congratulations"):
        return f"Personal congratulations{from_who}."
    if found.has("thanks"):
        return f"A personal thank-you{from_who}."
    if found.has("met before"):
        return "Personal follow-up from someone you met in person."
    if found.has("follow-up nag"):
        return f"A personal note{from_who}, following up a pitch you never answered."
    if found.has("pitch"):
        return f"Written to you personally{by_who}; it asks for something, but is no mass pitch."
    return f"Personal message{from_who}, with no sales pitch."
