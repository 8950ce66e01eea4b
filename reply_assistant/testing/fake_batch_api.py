"""The OpenAI Batch API on the fake server: file upload and download, batch create and poll.

Shapes follow the `openai` SDK's `FileObject` and `Batch` types, so the real client parses
them. A batch answers "in_progress" to its first `polls_until_done - 1` retrievals; the next
one runs every input line through the server's own chat route (same responder, usage and
scripted faults as a live call) and completes with an output file and, when some lines
failed, an error file. `fail_custom_ids` sends chosen requests to the error file.

    with FakeLLMServer() as server:
        server.batch.polls_until_done = 3
        server.batch.fail_custom_ids = {"message-id"}
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from typing import TYPE_CHECKING, Any

from reply_assistant.testing.fake_llm_server import (
    CHAT_PATH,
    JSON,
    Reply,
    Route,
    error_reply,
    json_reply,
)

if TYPE_CHECKING:
    from reply_assistant.testing.fake_llm_server import FakeLLMServer

FILES_PATH = "/v1/files"
BATCHES_PATH = "/v1/batches"
# The statuses after which a batch never changes again.
FINAL_STATUSES = frozenset(["completed", "failed", "expired", "cancelled"])


@dataclass
class StoredFile:
    id: str
    filename: str
    purpose: str
    content: bytes
    created_at: int = field(default_factory=lambda: int(time.time()))

    def as_object(self) -> JSON:
        return {
            "id": self.id,
            "object": "file",
            "bytes": len(self.content),
            "created_at": self.created_at,
            "filename": self.filename,
            "purpose": self.purpose,
            "status": "processed",
            "expires_at": None,
            "status_details": None,
        }


@dataclass
class FakeBatchAPI:
    """Uploaded files and batches, kept in memory; switches may change while serving."""

    polls_until_done: int = 1
    fail_custom_ids: set[str] = field(default_factory=set)
    # Set to "expired" or "failed" to end the next batches that way (no lines are run).
    final_status: str = "completed"
    files: dict[str, StoredFile] = field(default_factory=dict)
    batches: dict[str, JSON] = field(default_factory=dict)
    polls: dict[str, int] = field(default_factory=dict)
    # Reentrant: finishing a batch stores its result files while holding it.
    lock: threading.RLock = field(default_factory=threading.RLock)

    def add_file(self, filename: str, purpose: str, content: bytes) -> StoredFile:
        stored = StoredFile(f"file-{uuid.uuid4().hex[:24]}", filename, purpose, content)
        with self.lock:
            self.files[stored.id] = stored
        return stored

    def input_lines(self, batch_id: str) -> list[JSON]:
        """The parsed request lines of a batch's input file (for assertions)."""
        content = self.files[self.batches[batch_id]["input_file_id"]].content
        return [json.loads(line) for line in content.decode().splitlines() if line.strip()]


# ---------------------------------------------------------------- files


def _multipart_fields(content_type: str, raw: bytes) -> dict[str, tuple[str | None, bytes]]:
    """Form field name -> (filename, value) of a multipart/form-data body."""
    head = f"Content-Type: {content_type}\r\n\r\n".encode()
    message = BytesParser(policy=HTTP).parsebytes(head + raw)
    fields: dict[str, tuple[str | None, bytes]] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if isinstance(name, str):
            payload = part.get_payload(decode=True)  # bytes for a non-multipart part
            fields[name] = (part.get_filename(), payload if isinstance(payload, bytes) else b"")
    return fields


def _upload_route(server: FakeLLMServer, _body: Any) -> Reply:
    context = server.request_context
    if not context.content_type.startswith("multipart/form-data"):
        return error_reply(400, "File uploads must be multipart/form-data.")
    fields = _multipart_fields(context.content_type, context.raw_body)
    if "file" not in fields or "purpose" not in fields:
        return error_reply(400, "A file upload needs 'file' and 'purpose'.", param="file")
    filename, content = fields["file"]
    purpose = fields["purpose"][1].decode()
    stored = server.batch.add_file(filename or "upload", purpose, content)
    return json_reply(stored.as_object())


def _file_content_route(server: FakeLLMServer, _body: Any) -> Reply:
    file_id = server.request_context.params["file_id"]
    stored = server.batch.files.get(file_id)
    if stored is None:
        return error_reply(404, f"No such File object: {file_id}", param="id")
    return Reply(body=stored.content, content_type="application/octet-stream")


# ---------------------------------------------------------------- batches


def _create_batch_route(server: FakeLLMServer, body: Any) -> Reply:
    if not isinstance(body, dict):
        return error_reply(400, "The request body must be JSON.")
    api = server.batch
    input_file_id = body.get("input_file_id")
    stored = api.files.get(str(input_file_id))
    if stored is None:
        return error_reply(404, f"No such File object: {input_file_id}", param="input_file_id")
    if stored.purpose != "batch":
        return error_reply(400, "The input file must be uploaded with purpose 'batch'.")
    if body.get("endpoint") != CHAT_PATH or body.get("completion_window") != "24h":
        return error_reply(400, "Only /v1/chat/completions within 24h is supported here.")
    lines = [line for line in stored.content.decode().splitlines() if line.strip()]
    batch: dict[str, Any] = {
        "id": f"batch_{uuid.uuid4().hex[:24]}",
        "object": "batch",
        "endpoint": CHAT_PATH,
        "errors": None,
        "input_file_id": stored.id,
        "completion_window": "24h",
        "status": "validating",
        "output_file_id": None,
        "error_file_id": None,
        "created_at": int(time.time()),
        "in_progress_at": None,
        "expires_at": int(time.time()) + 24 * 3600,
        "completed_at": None,
        "failed_at": None,
        "expired_at": None,
        "request_counts": {"total": len(lines), "completed": 0, "failed": 0},
        "metadata": body.get("metadata"),
    }
    with api.lock:
        api.batches[batch["id"]] = batch
        api.polls[batch["id"]] = 0
    return json_reply(batch)


def _retrieve_batch_route(server: FakeLLMServer, _body: Any) -> Reply:
    api = server.batch
    batch_id = server.request_context.params["batch_id"]
    with api.lock:
        batch = api.batches.get(batch_id)
        if batch is None:
            return error_reply(404, f"No such batch: {batch_id}", param="batch_id")
        if batch["status"] in FINAL_STATUSES:
            return json_reply(batch)
        api.polls[batch_id] += 1
        if api.polls[batch_id] < api.polls_until_done:
            batch["status"] = "in_progress"
            batch["in_progress_at"] = batch["in_progress_at"] or int(time.time())
        else:
            _finish(server, batch)
        return json_reply(batch)


def _finish(server: FakeLLMServer, batch: JSON) -> None:
    api = server.batch
    now = int(time.time())
    if api.final_status != "completed":
        batch["status"] = api.final_status
        batch[f"{api.final_status}_at"] = now
        return
    chat = server.routes[("POST", CHAT_PATH)]
    outputs: list[JSON] = []
    errors: list[JSON] = []
    for request in api.input_lines(batch["id"]):
        custom_id = request.get("custom_id")
        line: JSON = {"id": f"batch_req_{uuid.uuid4().hex[:24]}", "custom_id": custom_id}
        if custom_id in api.fail_custom_ids:
            error = {"code": "server_error", "message": "The request could not be processed."}
            errors.append({**line, "response": None, "error": error})
            continue
        reply = chat(server, request.get("body"))
        assert isinstance(reply.body, bytes)  # batch lines are never streamed
        response = {
            "status_code": reply.status,
            "request_id": uuid.uuid4().hex,
            "body": json.loads(reply.body),
        }
        (outputs if reply.status == 200 else errors).append(
            {**line, "response": response, "error": None}
        )
    batch["output_file_id"] = _result_file(api, batch, "output", outputs)
    batch["error_file_id"] = _result_file(api, batch, "error", errors) if errors else None
    batch["request_counts"] = {
        "total": len(outputs) + len(errors),
        "completed": len(outputs),
        "failed": len(errors),
    }
    batch["status"] = "completed"
    batch["completed_at"] = now


def _result_file(api: FakeBatchAPI, batch: JSON, kind: str, lines: list[JSON]) -> str:
    content = "".join(json.dumps(line) + "\n" for line in lines).encode()
    return api.add_file(f"{batch['id']}_{kind}.jsonl", "batch_output", content).id


ROUTES: dict[tuple[str, str], Route] = {
    ("POST", FILES_PATH): _upload_route,
    ("GET", FILES_PATH + "/{file_id}/content"): _file_content_route,
    ("POST", BATCHES_PATH): _create_batch_route,
    ("GET", BATCHES_PATH + "/{batch_id}"): _retrieve_batch_route,
}
