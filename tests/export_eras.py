"""The real-shaped LinkedIn exports in tests/fixtures/linkedin-export, one per era."""

from __future__ import annotations

from pathlib import Path

EXPORTS = Path(__file__).parent / "fixtures" / "linkedin-export"
ERA_2021 = EXPORTS / "Basic_LinkedInDataExport_05-14-2021"
ERA_2022 = EXPORTS / "Complete_LinkedInDataExport_09-18-2022"
ERA_2023 = EXPORTS / "Basic_LinkedInDataExport_10-21-2023"
ERA_2025 = EXPORTS / "Basic_LinkedInDataExport_08-15-2025"
ERA_2026 = EXPORTS / "Complete_LinkedInDataExport_03-09-2026"
