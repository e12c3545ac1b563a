"""The app's words for a record that is read-only, busy or open on another computer (issue 19, points 1, 8, 10):
each its own sentence, not the general 'read-only or not available' or 'open elsewhere'."""

from phr.core import errors
from phr.ui.text.messages import error_message


def test_each_place_of_a_record_has_its_own_words(qapp):
    said = {
        "media": error_message(errors.RecordReadOnly(errors.ReadOnly.MEDIA)),
        "conflict": error_message(errors.RecordReadOnly(errors.ReadOnly.CONFLICT)),
        "computer": error_message(errors.OpenOnAnotherComputer("open on BRAM-PC")),
        "busy": error_message(errors.RecordBusy("busy")),
        "general": error_message(errors.RecordInUse("in use")),
    }
    assert "write-protected USB stick" in said["media"] and "export" in said["media"]
    assert "conflict copy" in said["conflict"] and "Move that copy" in said["conflict"]
    assert "another computer" in said["computer"] and "2 minutes" in said["computer"]
    assert "busy in another Regie" in said["busy"]
    assert len(set(said.values())) == 5 and all(text.endswith("Nothing was changed.") for text in said.values())
