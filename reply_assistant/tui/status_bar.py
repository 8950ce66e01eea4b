"""One line above the footer: backend, classification progress, session tokens and cost."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static


class StatusBar(Static):
    backend = reactive("")  # Backend.describe(), set when the app mounts
    prompts = reactive("")  # e.g. "classify@v1 draft@v2"; empty for the offline model
    progress = reactive((0, 0))
    failed = reactive(0)  # of the progress's done: calls that failed, not verdicts had
    drafts_failed = reactive(0)  # drafts not written for verdicts had, so not of `failed`
    offline_drafts = reactive(0)  # drafts the offline model wrote: the LLM's were no reply
    notice = reactive("")  # e.g. that the offline model stands in for an unreachable LLM
    totals = reactive("0 tokens")

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(" ● ", style="bold green")
        text.append(self.backend, style="bold")
        if self.prompts:
            text.append(f"  {self.prompts}", style="dim")
        if self.notice:
            text.append(f"  │  {self.notice}", style="bold yellow")
        done, total = self.progress
        if total:
            state = "classified" if done >= total else "classifying"
            failed = f", {self.failed} failed" if self.failed else ""
            if self.drafts_failed:
                plural = "s" if self.drafts_failed > 1 else ""
                failed += f", {self.drafts_failed} draft{plural} failed"
            if self.offline_drafts:
                plural = "s" if self.offline_drafts > 1 else ""
                failed += f", {self.offline_drafts} offline draft{plural}"
            text.append(f"  │  {state} {done - self.failed} of {total}{failed}")
        text.append(f"  │  {self.totals}")
        return text
