"""Timeline items span exactly what is known of each date; undated entries get their own lane."""

from __future__ import annotations

from datetime import date

from chronik.web.vistimeline import items, period


def test_periods_by_precision():
    assert period("2023-10-11", "day") == (date(2023, 10, 11), date(2023, 10, 11))
    assert period("2023-10", "month") == (date(2023, 10, 1), date(2023, 11, 1))
    assert period("2023-12-01", "month") == (date(2023, 12, 1), date(2024, 1, 1))
    assert period("2023-W41", "week") == (date(2023, 10, 9), date(2023, 10, 16))
    assert period("2023-Q4", "quarter") == (date(2023, 10, 1), date(2024, 1, 1))
    assert period("2023", "year") == (date(2023, 1, 1), date(2024, 1, 1))
    assert period(None, "undated") is None and period("soon", "day") is None and period("2023-13", "month") is None


def test_items_lanes_and_types():
    entries = [{"date": "2023-10-11", "precision": "day", "summary": "a"},
               {"date": "2023-11", "precision": "month", "summary": "b " * 50},
               {"date": None, "precision": "undated", "summary": "c", "after": "2023-11"},
               {"date": None, "precision": "undated", "summary": "d"}]
    got = items(entries, lambda v, p: f"{v}/{p}", "2023-10-11")
    assert [(i["id"], i["group"], i["type"]) for i in got] == [
        (0, "dated", "box"), (1, "dated", "range"), (2, "undated", "box"), (3, "undated", "box")]
    assert got[1]["end"] == "2023-12-01" and len(got[1]["content"]) <= 60
    assert got[2]["start"] == "2023-11-01" and got[3]["start"] == "2023-10-11"
    assert got[0]["entry"] == "entry-0" and "end" not in got[0]
    assert items(entries[3:], str, None) == []
