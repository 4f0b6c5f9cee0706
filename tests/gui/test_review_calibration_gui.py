"""The calibration chart shows spaced-review answers as a second, labelled series."""

from __future__ import annotations

import pytest

from balint_trainer.core.calibration import calibration, calibration_from_tallies

pytestmark = pytest.mark.gui


def test_calibration_box_draws_review_answers_beside_attempts(qtbot) -> None:
    from balint_trainer.gui.practice.adaptive_views import CalibrationBox

    box = CalibrationBox()
    qtbot.addWidget(box)
    attempts = calibration([(1, 0.0), (3, 1.0)])
    review = calibration_from_tallies([{"3": [2, 4 / 3]}, {"2": [1, 1.0]}])
    box.show_points(attempts, review)
    text = box.text.text()
    assert "Scenario attempts:" in text and "Spaced review (decisions missed before, feedback seen):" in text
    assert "Sure: mean credit 0.67 (2 answers)" in text.split("Spaced review")[1]
    assert "Sure: mean credit 1.00 (1 answers)" in text.split("Spaced review")[0]
    legend = box.chart.getPlotItem().legend
    assert legend is not None and [label.text for _, label in legend.items] == [
        "Scenario attempts",
        "Spaced review (decisions missed before, feedback seen)",
    ]
    box.resize(520, 360)
    box.show()
    box.grab().save("/tmp/calibration-two-series.png")

    # No review answers yet: one series, no legend, as before.
    box.show_points(attempts, calibration_from_tallies([]))
    assert "Spaced review" not in box.text.text() and box.chart.getPlotItem().legend is None
    # Only review answers: the chart still appears.
    box.show_points(calibration([]), review)
    assert box.chart is not None and "Spaced review" in box.text.text()
