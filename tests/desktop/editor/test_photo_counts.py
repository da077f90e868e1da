"""The step-level photo field: ticking "Ask for photos" gives the counts a fresh step gets, never the
counts of the step shown before."""

from __future__ import annotations

from tests.support.samples import vehicle_inspection

from .conftest import Driver, open_saved


def test_asking_for_photos_starts_from_the_fresh_counts(drive: Driver, page, client, aloop):
    d = drive
    open_saved(aloop, client, page, vehicle_inspection())
    photo = d.step_panel.photo
    d.select_node(d.ctl.doc.find_step("s-dm02").uid)  # asks for 1 to 6 photos
    d.type(photo.min, "2")
    d.type(photo.max, "4")
    assert d.ctl.doc.find_step("s-dm02").data["photo"] == {"min": 2, "max": 4}

    yes_no = d.ctl.doc.find_step("s-dm01")  # takes no photos
    d.select_node(yes_no.uid)
    assert (photo.min.value(), photo.max.value()) == (0, 1)  # the greyed counts are not step A's
    d.click(photo.enabled)
    assert yes_no.data["photo"] == {"min": 0, "max": 1}


def test_a_step_whose_photos_were_unticked_passes_no_counts_on(drive: Driver, page, client, aloop):
    d = drive
    open_saved(aloop, client, page, vehicle_inspection())
    photo = d.step_panel.photo
    d.select_node(d.ctl.doc.find_step("s-dm02").uid)
    d.type(photo.min, "2")
    d.click(photo.enabled)  # no photos after all
    assert d.ctl.doc.find_step("s-dm02").data["photo"] is False

    odometer = d.ctl.doc.find_step("s-od01")
    d.select_node(odometer.uid)
    d.click(photo.enabled)
    assert odometer.data["photo"] == {"min": 0, "max": 1}
