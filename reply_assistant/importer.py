"""Import a LinkedIn export into the store: streamed, batched, idempotent.

Messages are keyed by `Message.id`, so importing the same export twice adds nothing and a
newer export adds only what is new; verdicts, drafts, edits and decisions are never touched.
The one exception is the bundled demo inbox: the first real import that brings a message
removes it (see `reply_assistant.demo`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from reply_assistant.demo import DEMO_SOURCE, remove_demo
from reply_assistant.linkedin_links import profile_slug
from reply_assistant.models import Connection, Message, Participant, SkippedRow
from reply_assistant.sources import Export
from reply_assistant.store import Store
from reply_assistant.store.identity import name_key, url_key

# Rows per transaction: large enough to amortise commits, small enough to stay streamed.
BATCH_ROWS = 5_000


@dataclass
class ImportReport:
    files: list[str] = field(default_factory=list)  # every file in the export
    files_read: list[str] = field(default_factory=list)
    conversations: int = 0
    messages_read: int = 0
    messages_new: int = 0
    awaiting_reply: int = 0  # among this import's conversations
    drafts_skipped: int = 0
    skipped: list[SkippedRow] = field(default_factory=list)
    owner: Participant | None = None
    owner_source: str = ""  # "--me", "Profile.csv", "most conversations" or "stored"
    demo_removed: int = 0  # demo inbox messages this import replaced
    replaced: int = 0  # messages removed first (--replace)
    # Connected On values in Connections.csv that could not be read, as exported.
    unreadable_dates: list[str] = field(default_factory=list)


class OwnerMismatch(Exception):
    """Whose export this is does not fit, so nothing was imported: another person's than
    the inbox's, or a --me that is not a profile URL of someone in it."""


class AnotherPersonsExport(OwnerMismatch):
    def __init__(self, inbox_owner: Participant, export_owner: Participant) -> None:
        super().__init__(
            f"This export is {_who(export_owner)}'s but the inbox is {_who(inbox_owner)}'s; "
            "nothing was imported. Use --db PATH for a separate state file, or --replace to "
            "start this inbox over with this export."
        )


class MeNotInExport(OwnerMismatch):
    def __init__(self, me: str, detected: Participant | None) -> None:
        if not profile_slug(me):
            problem = "is not a LinkedIn profile URL (https://www.linkedin.com/in/...)"
        else:
            problem = "is nobody in this export"
        if detected is None:
            found = "the export has no messages"
        else:
            found = f"the export's owner looks like {_who_in_full(detected)}"
        super().__init__(f"--me {me} {problem}; {found}. Nothing was imported.")


def _who(person: Participant) -> str:
    return person.name or person.profile_url


def _who_in_full(person: Participant) -> str:
    if person.name and person.profile_url:
        return f"{person.name} <{person.profile_url}>"
    return _who(person)


class ParticipantTally:
    """Counts, as messages stream past, in how many conversations each person appears.

    People are keyed by profile URL when known, else by name; a name that was seen with
    exactly one URL is merged into that URL when the counts are read (2021-era exports
    give recipients' names without URLs). Runs once per message, so it is kept lean.
    """

    def __init__(self) -> None:
        self.conversation_numbers: dict[str, int] = {}
        self._by_url: dict[str, set[int]] = {}
        self._by_name: dict[str, set[int]] = {}
        self._seen_pairs: set[tuple[str, str]] = set()
        self._name_of_url: dict[str, str] = {}  # first name seen with each URL key
        self._urls_of_name: dict[str, set[str]] = {}
        self._as_exported: dict[str, str] = {}  # key -> the URL or name as first seen

    def observe(self, message: Message) -> None:
        number = self.conversation_numbers.setdefault(
            message.conversation_id, len(self.conversation_numbers)
        )
        self._observe_person(message.sender, number)
        for recipient in message.recipients:
            self._observe_person(recipient, number)

    def _observe_person(self, person: Participant, conversation: int) -> None:
        key_of_url = url_key(person.profile_url) if person.profile_url else ""
        if not key_of_url:
            key_of_name = name_key(person.name)
            if key_of_name:
                self._by_name.setdefault(key_of_name, set()).add(conversation)
                self._as_exported.setdefault(key_of_name, person.name)
            return
        conversations = self._by_url.get(key_of_url)
        if conversations is None:
            conversations = self._by_url[key_of_url] = set()
            self._as_exported[key_of_url] = person.profile_url
            self._name_of_url[key_of_url] = person.name
        conversations.add(conversation)
        if (key_of_url, person.name) not in self._seen_pairs:
            self._seen_pairs.add((key_of_url, person.name))
            key_of_name = name_key(person.name)
            if key_of_name:
                self._urls_of_name.setdefault(key_of_name, set()).add(key_of_url)

    def url_for_name(self, name: str) -> str:
        """The profile URL seen with this name, when exactly one was."""
        urls = self._urls_of_name.get(name_key(name), set())
        return self._as_exported[next(iter(urls))] if len(urls) == 1 else ""

    def name_for_url(self, profile_url: str) -> str:
        return self._name_of_url.get(url_key(profile_url), "")

    def participant_with_profile(self, profile_url: str) -> Participant | None:
        """The person seen with this profile however the URL is spelled (scheme, host,
        capitals), with the URL as the export spells it; None when nobody was."""
        slug = profile_slug(profile_url)
        key = next((key for key in self._by_url if slug and profile_slug(key) == slug), None)
        if key is None:
            return None
        return Participant(self._name_of_url[key], self._as_exported[key])

    def most_conversations(self) -> Participant | None:
        merged = {key: set(conversations) for key, conversations in self._by_url.items()}
        name_only: dict[str, set[int]] = {}
        for key_of_name, conversations in self._by_name.items():
            urls = self._urls_of_name.get(key_of_name, set())
            if len(urls) == 1:
                merged[next(iter(urls))] |= conversations
            else:
                name_only[key_of_name] = conversations
        candidates = [(len(c), 1, key) for key, c in merged.items()]
        candidates += [(len(c), 0, key) for key, c in name_only.items()]
        if not candidates:
            return None
        # Most conversations; on a tie a person with a URL, then a stable order.
        _, has_url, key = max(candidates)
        if has_url:
            return Participant(self.name_for_url(key), self._as_exported[key])
        return Participant(self._as_exported[key])


def detect_owner(
    tally: ParticipantTally, profile_owner: Participant | None, me: str | None
) -> tuple[Participant | None, str]:
    """--me, else the Profile.csv person found among participants, else the most present.

    --me is a profile URL (import_export checks it): the person seen with it, else the
    Profile.csv person when their URL is that one."""
    if me:
        found = tally.participant_with_profile(me)
        if found is not None:
            return found, "--me"
        profile_name = profile_owner.name if profile_owner else ""
        return Participant(profile_name, me.strip()), "--me"
    if profile_owner is not None:
        profile_url = profile_owner.profile_url or tally.url_for_name(profile_owner.name)
        if profile_url:
            return Participant(profile_owner.name, profile_url), "Profile.csv"
    owner = tally.most_conversations()
    return owner, "most conversations" if owner else ""


def import_messages(
    store: Store,
    messages: Iterable[Message],
    *,
    connections: Iterable[Connection] = (),
    profile_owner: Participant | None = None,
    me: str | None = None,
    source: str = "export",
) -> ImportReport:
    """Store the messages in batches, then the connections and owner, then recompute which
    of the touched conversations await a reply. Real messages replace the demo inbox."""
    tally = ParticipantTally()
    report = ImportReport()
    batch: list[Message] = []
    demo_may_remain = source != DEMO_SOURCE
    for message in messages:
        if demo_may_remain:
            # Only once a real message is at hand: an export with none keeps the demo.
            report.demo_removed = remove_demo(store)
            demo_may_remain = False
        tally.observe(message)
        batch.append(message)
        if len(batch) >= BATCH_ROWS:
            report.messages_new += store.insert_messages(batch, source)
            report.messages_read += len(batch)
            batch.clear()
    report.messages_new += store.insert_messages(batch, source)
    report.messages_read += len(batch)
    store.upsert_connections(connections)

    previous_owner = store.owner()
    owner, report.owner_source = detect_owner(tally, profile_owner, me)
    if owner is None:
        owner, report.owner_source = previous_owner, "stored" if previous_owner else ""
    owner_changed = False
    if owner is not None and owner != previous_owner:
        store.set_owner(owner)
        owner_changed = True
    report.owner = owner
    report.conversations = len(tally.conversation_numbers)
    # A new owner changes who wrote last everywhere, not only in this export.
    report.awaiting_reply = store.refresh_conversations(
        tally.conversation_numbers, everywhere=owner_changed
    )
    return report


def _another_person(before: Participant, now: Participant) -> bool:
    """Not the same person written differently (a URL found later, another spelling of
    it, other capitals): compared by the keys the store matches people by."""
    if before.profile_url and now.profile_url:
        return url_key(before.profile_url) != url_key(now.profile_url)
    return name_key(before.name) != name_key(now.name)


def _profile_owner_named(profile_owner: Participant | None, me: str) -> Participant | None:
    """The Profile.csv person when `me` is their URL: an owner who sent nothing is there
    alone."""
    if profile_owner is None or not profile_slug(me):
        return None
    return profile_owner if profile_slug(profile_owner.profile_url) == profile_slug(me) else None


def check_owner(
    store: Store,
    export: Export,
    profile_owner: Participant | None,
    me: str | None,
    *,
    replace_inbox: bool,
) -> None:
    """Raise OwnerMismatch, before anything is written, when `me` is not the profile URL of
    someone in the export (or of its Profile.csv), or when the export is another person's
    than the inbox's. Reads the export's messages once more only when there is something
    to check: a `me`, or an owner to compare with (a first import, one over the demo or
    one that replaces the inbox has none).

    `me` corrects a wrongly detected owner, so an export whose detected owner is the
    inbox's may name someone else; but it does not make another person's export the
    inbox's, unless `me` is the inbox's owner (detection got this export wrong)."""
    inbox_owner = store.owner()
    if replace_inbox or store.has_messages_from(DEMO_SOURCE):
        inbox_owner = None
    if inbox_owner is None and not me:
        return
    tally = ParticipantTally()
    for message in export.iter_messages():
        tally.observe(message)
    detected, _ = detect_owner(tally, profile_owner, None)
    named = None
    if me:
        named = tally.participant_with_profile(me) or _profile_owner_named(profile_owner, me)
        if named is None:
            raise MeNotInExport(me.strip(), detected)
    if inbox_owner is None or detected is None or not _another_person(inbox_owner, detected):
        return
    if named is None or _another_person(inbox_owner, named):
        raise AnotherPersonsExport(inbox_owner, named or detected)


def import_export(
    store: Store,
    export: Export,
    me: str | None = None,
    source: str = "export",
    *,
    replace_inbox: bool = False,
) -> ImportReport:
    """Import an opened export (see `reply_assistant.sources.open_export`); `source` tags
    the stored messages ('demo' for the bundled demo inbox). OwnerMismatch when it is
    someone else's than the inbox so far (unless `replace_inbox` empties the store first),
    or when `me` is not the profile URL of someone in it."""
    profile_owner = export.owner()
    check_owner(store, export, profile_owner, me, replace_inbox=replace_inbox)
    replaced = store.remove_everything() if replace_inbox else 0
    connections = export.connections()
    report = import_messages(
        store,
        export.iter_messages(),
        connections=connections,
        profile_owner=profile_owner,
        me=me,
        source=source,
    )
    return replace(
        report,
        files=list(export.files),
        files_read=export.files_read,
        drafts_skipped=export.drafts_skipped,
        skipped=list(export.skipped),
        replaced=replaced,
        unreadable_dates=list(export.unreadable_connection_dates),
    )
