"""Key slots and the key file format (phr.storage.keys.slots, kdf, keyfiles) at unit level.

Real Argon2id (kdf.MINIMUM, ~0.15 s) is used only where the real derivation matters; the
associated-data tests swap in a fast KDF that ignores the Argon2 parameters, so a changed
parameter can only be caught by the GCM associated data.
"""

import base64
import copy
import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from phr.storage import record_locks
from phr.storage.errors import RecordDamaged, RecordFromNewerVersion, RecordMissing, WrongSecret
from phr.storage.keys import kdf, slot_keys
from phr.storage.keys import slots as keyslots
from phr.storage.keys.files import BACKUP, PRIMARY, KeyFiles
from phr.storage.keys.slots import KeyFileInvalid, KeyRing

OWNER_SECRET = "blue kettle under the old bridge".encode("utf-8")
RECOVERY_SECRET = b"23456789ABCDEFGHJKMNPQRSTUVW"
OWNER_KEY = slot_keys.new_pair()[0]  # the record's owner key, which seals the data key to each slot
CLEAN_ERRORS = (KeyFileInvalid, RecordFromNewerVersion)


# --- helpers --------------------------------------------------------------------------------------

def _canonical(doc: dict) -> bytes:
    """The checksum input, written out here independently of the module."""
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def _with_checksum(doc: dict) -> bytes:
    """A key file with `doc`'s content and a correct sha256, as a careful forger would write it."""
    doc = {k: v for k, v in doc.items() if k != "sha256"}
    doc["sha256"] = hashlib.sha256(_canonical(doc)).hexdigest()
    return json.dumps(doc, indent=2, sort_keys=True).encode("ascii") + b"\n"


def _without_new_checksum(doc: dict) -> bytes:
    return json.dumps(doc, indent=2, sort_keys=True).encode("ascii") + b"\n"


class _NoDerivation(Exception):
    pass


@pytest.fixture
def no_argon2(monkeypatch):
    """Fail loudly if anything tries to run (and allocate memory for) Argon2id."""

    def refuse(*args, **kwargs):
        raise _NoDerivation("Argon2id was called")

    monkeypatch.setattr(kdf, "Argon2id", refuse)
    monkeypatch.setattr(kdf, "argon2id", refuse)


@pytest.fixture
def fast_kdf(monkeypatch):
    """A stand-in for Argon2id that depends only on the secret and the salt (not on the
    parameters), so the only thing that can notice changed parameters is the associated data."""

    def derive(secret, salt, params):
        params.check()
        return hashlib.sha256(b"fake argon2" + salt + secret).digest()

    monkeypatch.setattr(kdf, "argon2id", derive)


@pytest.fixture(scope="module")
def record_id() -> str:
    return keyslots.new_record_id()


@pytest.fixture(scope="module")
def data_key() -> bytes:
    return keyslots.new_data_key()


@pytest.fixture(scope="module")
def owner_slot(record_id, data_key):
    return keyslots.seal(record_id, "owner", OWNER_SECRET, data_key, kdf.MINIMUM, owner_private=OWNER_KEY)


@pytest.fixture(scope="module")
def recovery_slot(record_id, data_key):
    return keyslots.seal(record_id, "recovery", RECOVERY_SECRET, data_key, owner_private=OWNER_KEY)


@pytest.fixture(scope="module")
def ring(record_id, owner_slot, recovery_slot) -> KeyRing:
    return KeyRing(record_id, 1, (owner_slot, recovery_slot))


@pytest.fixture(scope="module")
def key_file(ring) -> bytes:
    return keyslots.to_json(ring)


@pytest.fixture
def doc(key_file) -> dict:
    return json.loads(key_file)


# --- seal and unwrap ------------------------------------------------------------------------------

def test_owner_slot_round_trip(record_id, data_key, owner_slot):
    assert owner_slot.kind == "owner"
    assert owner_slot.kdf.name == keyslots.ARGON2ID
    assert owner_slot.kdf.argon2 == kdf.MINIMUM
    assert data_key not in owner_slot.wrapped_key
    assert keyslots.unwrap(record_id, owner_slot, OWNER_SECRET) == data_key


def test_recovery_slot_round_trip(record_id, data_key, recovery_slot):
    assert recovery_slot.kind == "recovery"
    assert recovery_slot.kdf.name == keyslots.HKDF_SHA256
    assert recovery_slot.kdf.argon2 is None
    assert keyslots.unwrap(record_id, recovery_slot, RECOVERY_SECRET) == data_key


def test_carer_slot_round_trip(fast_kdf, record_id, data_key):
    slot = keyslots.seal(record_id, "carer", b"carer secret phrase", data_key, kdf.MINIMUM, owner_private=OWNER_KEY)
    assert keyslots.unwrap(record_id, slot, b"carer secret phrase") == data_key


def test_wrong_owner_secret_is_refused(record_id, owner_slot):
    with pytest.raises(WrongSecret):
        keyslots.unwrap(record_id, owner_slot, OWNER_SECRET + b"!")


def test_wrong_recovery_secret_is_refused(record_id, recovery_slot):
    with pytest.raises(WrongSecret):
        keyslots.unwrap(record_id, recovery_slot, RECOVERY_SECRET[:-1] + b"X")
    with pytest.raises(WrongSecret):
        keyslots.unwrap(record_id, recovery_slot, OWNER_SECRET)


def test_each_seal_uses_fresh_salt_nonce_and_slot_id(fast_kdf, record_id, data_key):
    a = keyslots.seal(record_id, "owner", OWNER_SECRET, data_key, owner_private=OWNER_KEY)
    b = keyslots.seal(record_id, "owner", OWNER_SECRET, data_key, owner_private=OWNER_KEY)
    assert a.kdf.salt != b.kdf.salt and a.nonce != b.nonce and a.slot_id != b.slot_id
    assert a.wrapped_key != b.wrapped_key


def test_reseal_keeps_the_given_slot_id(fast_kdf, record_id, data_key, owner_slot):
    again = keyslots.seal(record_id, "owner", b"another passphrase", data_key, slot_id=owner_slot.slot_id, owner_private=OWNER_KEY)
    assert again.slot_id == owner_slot.slot_id


@pytest.mark.parametrize("kind, key_length", [("admin", 32), ("owner", 31), ("recovery", 0)])
def test_seal_refuses_bad_requests(record_id, kind, key_length):
    with pytest.raises(ValueError):
        keyslots.seal(record_id, kind, OWNER_SECRET, b"k" * key_length, kdf.MINIMUM, owner_private=OWNER_KEY)


def test_seal_refuses_weak_argon2_parameters(no_argon2, record_id, data_key):
    with pytest.raises(RecordDamaged):
        keyslots.seal(record_id, "owner", OWNER_SECRET, data_key, kdf.Argon2Params(1024, 1, 1), owner_private=OWNER_KEY)


# --- everything about the slot is bound into the associated data --------------------------------

def test_fast_kdf_control(fast_kdf, record_id, data_key):
    """Without a change the fake-KDF slot opens: the failures below come from the associated data."""
    slot = keyslots.seal(record_id, "owner", OWNER_SECRET, data_key, kdf.MINIMUM, owner_private=OWNER_KEY)
    assert keyslots.unwrap(record_id, slot, OWNER_SECRET) == data_key


@pytest.mark.parametrize("change", [
    {"iterations": 4},
    {"memory_kib": 2 * kdf.MIN_MEMORY_KIB},
    {"lanes": 2},
])
def test_changed_argon2_parameters_do_not_open(fast_kdf, record_id, data_key, change):
    slot = keyslots.seal(record_id, "owner", OWNER_SECRET, data_key, kdf.MINIMUM, owner_private=OWNER_KEY)
    changed = replace(slot, kdf=replace(slot.kdf, argon2=replace(slot.kdf.argon2, **change)))
    assert changed.kdf.argon2.within_limits()
    with pytest.raises(WrongSecret):
        keyslots.unwrap(record_id, changed, OWNER_SECRET)


def test_changed_iterations_do_not_open_with_real_argon2(record_id, owner_slot):
    changed = replace(owner_slot, kdf=replace(owner_slot.kdf, argon2=replace(kdf.MINIMUM, iterations=4)))
    with pytest.raises(WrongSecret):
        keyslots.unwrap(record_id, changed, OWNER_SECRET)


def test_changed_kind_does_not_open(fast_kdf, record_id, data_key):
    slot = keyslots.seal(record_id, "owner", OWNER_SECRET, data_key, kdf.MINIMUM, owner_private=OWNER_KEY)
    with pytest.raises(WrongSecret):
        keyslots.unwrap(record_id, replace(slot, kind="carer"), OWNER_SECRET)
    carer = keyslots.seal(record_id, "carer", OWNER_SECRET, data_key, kdf.MINIMUM, owner_private=OWNER_KEY)
    with pytest.raises(WrongSecret):
        keyslots.unwrap(record_id, replace(carer, kind="owner"), OWNER_SECRET)


def test_changed_slot_id_does_not_open(fast_kdf, record_id, data_key):
    slot = keyslots.seal(record_id, "owner", OWNER_SECRET, data_key, kdf.MINIMUM, owner_private=OWNER_KEY)
    with pytest.raises(WrongSecret):
        keyslots.unwrap(record_id, replace(slot, slot_id="0" * 16), OWNER_SECRET)


def test_other_record_id_does_not_open(fast_kdf, record_id, data_key, recovery_slot):
    slot = keyslots.seal(record_id, "owner", OWNER_SECRET, data_key, kdf.MINIMUM, owner_private=OWNER_KEY)
    other = keyslots.new_record_id()
    with pytest.raises(WrongSecret):
        keyslots.unwrap(other, slot, OWNER_SECRET)
    with pytest.raises(WrongSecret):
        keyslots.unwrap(other, recovery_slot, RECOVERY_SECRET)


def test_changed_nonce_or_ciphertext_does_not_open(record_id, recovery_slot):
    flipped = bytes([recovery_slot.wrapped_key[0] ^ 1]) + recovery_slot.wrapped_key[1:]
    with pytest.raises(WrongSecret):
        keyslots.unwrap(record_id, replace(recovery_slot, wrapped_key=flipped), RECOVERY_SECRET)
    with pytest.raises(WrongSecret):
        keyslots.unwrap(record_id, replace(recovery_slot, nonce=b"\0" * 12), RECOVERY_SECRET)


def test_unwrap_refuses_absurd_parameters_without_deriving(monkeypatch, record_id, owner_slot):
    def refuse(**kwargs):
        raise _NoDerivation("Argon2id was constructed")

    monkeypatch.setattr(kdf, "Argon2id", refuse)
    huge = replace(owner_slot, kdf=replace(owner_slot.kdf, argon2=kdf.Argon2Params(64 * 1024 * 1024, 3, 4)))
    with pytest.raises(RecordDamaged):
        keyslots.unwrap(record_id, huge, OWNER_SECRET)


# --- the file format ------------------------------------------------------------------------------

def test_file_round_trip(ring, key_file):
    assert keyslots.from_json(key_file) == ring
    assert keyslots.to_json(keyslots.from_json(key_file)) == key_file


def test_file_is_ascii_json_with_checksum(key_file, doc, ring):
    assert key_file.endswith(b"\n")
    key_file.decode("ascii")
    assert set(doc) == {"format", "version", "record_id", "sequence", "slots", "sha256"}
    assert doc["format"] == "regie-keys" and doc["version"] == keyslots.VERSION and doc["sequence"] == 1
    assert doc["record_id"] == ring.record_id
    body = {k: v for k, v in doc.items() if k != "sha256"}
    assert doc["sha256"] == hashlib.sha256(_canonical(body)).hexdigest()


def test_file_holds_no_secret(key_file, data_key):
    assert OWNER_SECRET not in key_file and RECOVERY_SECRET not in key_file
    assert data_key not in key_file
    assert base64.b64encode(data_key) not in key_file


def test_checksum_helper_control(doc, ring):
    """The forging helper used below writes files the module accepts when nothing is wrong."""
    assert keyslots.from_json(_with_checksum(doc)) == ring
    doc["sequence"] = 7
    assert keyslots.from_json(_with_checksum(doc)).sequence == 7


def _set(doc, path, value):
    target = doc
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return doc


@pytest.mark.parametrize("path, value", [
    (("sequence",), 2),
    (("record_id",), "0" * 32),
    (("slots", 0, "kind"), "carer"),
    (("slots", 0, "kdf", "iterations"), 4),
    (("slots", 0, "kdf", "memory_kib"), 128 * 1024),
    (("slots", 1, "id"), "0123456789abcdef"),
    (("slots", 1, "nonce"), base64.b64encode(b"\0" * 12).decode()),
])
def test_checksum_catches_a_changed_field_in_valid_json(doc, path, value):
    changed = _without_new_checksum(_set(doc, path, value))
    json.loads(changed)  # still valid JSON
    with pytest.raises(KeyFileInvalid):
        keyslots.from_json(changed)


@pytest.mark.parametrize("checksum", [None, "", 42, "0" * 64])
def test_missing_or_wrong_checksum_is_refused(doc, checksum):
    if checksum is None:
        del doc["sha256"]
    else:
        doc["sha256"] = checksum
    with pytest.raises(KeyFileInvalid):
        keyslots.from_json(_without_new_checksum(doc))


def test_uppercase_checksum_is_refused(doc):
    doc["sha256"] = doc["sha256"].upper()
    with pytest.raises(KeyFileInvalid):
        keyslots.from_json(_without_new_checksum(doc))


# --- absurd parameters are refused on reading, even with a correct checksum ----------------------

@pytest.mark.parametrize("field, value", [
    ("memory_kib", 1024 * 1024 + 1),
    ("memory_kib", 4 * 1024 * 1024),
    ("memory_kib", 2**40),
    ("memory_kib", 64 * 1024 - 1),
    ("memory_kib", 8),
    ("memory_kib", 0),
    ("memory_kib", -65536),
    ("memory_kib", 65536.0),
    ("memory_kib", "65536"),
    ("memory_kib", None),
    ("iterations", 2),
    ("iterations", 1),
    ("iterations", 0),
    ("iterations", 5),
    ("iterations", 33),
    ("iterations", 10**9),
    ("iterations", 2**64),
    ("iterations", 3.5),
    ("lanes", 0),
    ("lanes", -1),
    ("lanes", 5),
    ("lanes", 17),
    ("lanes", True),
    ("lanes", [4]),
])
def test_absurd_argon2_parameters_are_refused_when_reading(no_argon2, doc, field, value):
    doc["slots"][0]["kdf"][field] = value
    assert doc["slots"][0]["kind"] == "owner"
    with pytest.raises(KeyFileInvalid):
        keyslots.from_json(_with_checksum(doc))


def test_parameter_limits_are_inclusive(no_argon2, doc):
    # The most kdf.calibrate can choose (issue 19: 4 GiB x 4 passes was accepted and cost 22-43 s).
    doc["slots"][0]["kdf"].update(memory_kib=1024 * 1024, iterations=4, lanes=4)
    slot = keyslots.from_json(_with_checksum(doc)).slot_of_kind("owner")
    assert slot.kdf.argon2 == kdf.Argon2Params(1024 * 1024, 4, 4)
    doc["slots"][0]["kdf"].update(memory_kib=64 * 1024, iterations=3, lanes=1)
    assert keyslots.from_json(_with_checksum(doc)).slot_of_kind("owner").kdf.argon2.lanes == 1


def test_memory_times_passes_is_capped(no_argon2, doc):
    # Each limit alone is fine, together they would cost 128 GiB-passes before the tag is checked.
    doc["slots"][0]["kdf"].update(memory_kib=4 * 1024 * 1024, iterations=32, lanes=4)
    with pytest.raises(keyslots.KeyFileInvalid):
        keyslots.from_json(_with_checksum(doc))


@pytest.mark.parametrize("mutate", [
    pytest.param(lambda d: d.update(extra=1), id="extra top-level field"),
    pytest.param(lambda d: d.update(format="regie-key"), id="wrong format"),
    pytest.param(lambda d: d.update(slots=[]), id="no slots"),
    pytest.param(lambda d: d.update(slots={}), id="slots not a list"),
    pytest.param(lambda d: d.update(sequence=0), id="sequence 0"),
    pytest.param(lambda d: d.update(sequence=-1), id="sequence negative"),
    pytest.param(lambda d: d.update(sequence=2**53 + 1), id="sequence too large"),
    pytest.param(lambda d: d.update(sequence=1.0), id="sequence float"),
    pytest.param(lambda d: d.update(sequence=True), id="sequence bool"),
    pytest.param(lambda d: d.update(record_id=d["record_id"].upper()), id="record id uppercase"),
    pytest.param(lambda d: d.update(record_id=d["record_id"][:-1]), id="record id short"),
    pytest.param(lambda d: d.update(version=0), id="version 0"),
    pytest.param(lambda d: d.update(version="1"), id="version string"),
    pytest.param(lambda d: d.update(version=True), id="version bool"),
    pytest.param(lambda d: d.update(version=1.0), id="version float"),
    pytest.param(lambda d: d["slots"].pop(0), id="no owner slot"),
    pytest.param(lambda d: d["slots"].append(copy.deepcopy(d["slots"][0])), id="duplicate slot"),
    pytest.param(lambda d: d["slots"].append(dict(copy.deepcopy(d["slots"][0]), id="ab" * 8)), id="two owners"),
    pytest.param(lambda d: d["slots"].append(dict(copy.deepcopy(d["slots"][1]), id="ab" * 8)), id="two recovery"),
    pytest.param(lambda d: d["slots"].extend(
        dict(copy.deepcopy(d["slots"][0]), kind="carer", id=f"{i:016x}") for i in range(31)), id="33 slots"),
    pytest.param(lambda d: d["slots"][1]["kdf"].update(memory_kib=65536, iterations=3, lanes=4),
                 id="recovery slot with argon2 parameters"),
    pytest.param(lambda d: d["slots"][0]["kdf"].update(name="hkdf-sha256"), id="owner slot with hkdf"),
    pytest.param(lambda d: d["slots"][0]["kdf"].update(name="pbkdf2"), id="unknown kdf"),
    pytest.param(lambda d: d["slots"][0]["kdf"].pop("lanes"), id="missing lanes"),
    pytest.param(lambda d: d["slots"][0]["kdf"].update(salt=base64.b64encode(b"s" * 8).decode()), id="short salt"),
    pytest.param(lambda d: d["slots"][0].update(nonce=base64.b64encode(b"n" * 16).decode()), id="long nonce"),
    pytest.param(lambda d: d["slots"][0].update(nonce="not base64!"), id="nonce not base64"),
    pytest.param(lambda d: d["slots"][0].update(wrapped_key="é" * 10), id="wrapped key not ascii"),
    pytest.param(lambda d: d["slots"][0].update(wrapped_key=d["slots"][0]["wrapped_key"][:-4]), id="short key"),
    pytest.param(lambda d: d["slots"][0].update(id="g" * 16), id="slot id not hex"),
    pytest.param(lambda d: d["slots"][0].update(kind=["owner"]), id="kind a list"),
    pytest.param(lambda d: d["slots"][0].update(extra=None), id="extra slot field"),
])
def test_malformed_content_with_correct_checksum_is_refused(no_argon2, doc, mutate):
    mutate(doc)
    with pytest.raises(KeyFileInvalid):
        keyslots.from_json(_with_checksum(doc))


@pytest.mark.parametrize("version", [keyslots.VERSION + 1, keyslots.VERSION + 2, 1000])
def test_newer_version_is_reported_as_such(doc, version):
    doc["version"] = version
    with pytest.raises(RecordFromNewerVersion):
        keyslots.from_json(_with_checksum(doc))


def test_newer_version_with_new_fields_is_still_reported_as_newer(doc):
    doc["version"] = keyslots.VERSION + 1
    doc["slots"][0]["kdf"]["name"] = "argon2id-v2"
    doc["pepper"] = "something a future version adds"
    with pytest.raises(RecordFromNewerVersion):
        keyslots.from_json(_with_checksum(doc))


@pytest.mark.parametrize("raw", [
    b"", b"\n", b"null", b"[]", b"{}", b"\"keys\"", b"42", b"\xff\xfe{}", b"{" * 10,
    b"[" * 100_000, b"{\"a\":" * 100_000, b"[" * 100_000 + b"]" * 100_000,
    b" " * (256 * 1024 + 1), b"{\"sequence\": 1" + b"0" * 5000 + b"}",
])
def test_garbage_is_refused(raw):
    with pytest.raises(KeyFileInvalid):
        keyslots.from_json(raw)


def test_oversized_file_is_refused(doc):
    doc["padding"] = "x" * (256 * 1024)
    with pytest.raises(KeyFileInvalid):
        keyslots.from_json(_with_checksum(doc))


def test_text_instead_of_bytes_is_refused(key_file):
    with pytest.raises(KeyFileInvalid):
        keyslots.from_json(key_file.decode("ascii"))


# --- fuzzing --------------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)


def _assert_clean(raw: bytes) -> KeyRing | None:
    try:
        ring = keyslots.from_json(raw)
    except CLEAN_ERRORS:
        return None
    assert isinstance(ring, KeyRing)
    # Whatever was accepted must survive a write and a read unchanged.
    assert keyslots.from_json(keyslots.to_json(ring)) == ring
    assert 1 <= ring.sequence <= keyslots.MAX_SEQUENCE
    assert [slot.kind for slot in ring.slots].count("owner") == 1
    return ring


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=2048))
def test_fuzz_arbitrary_bytes(raw):
    _assert_clean(raw)


@settings(max_examples=200, deadline=None)
@given(json_values)
def test_fuzz_arbitrary_json(value):
    _assert_clean(json.dumps(value).encode("utf-8"))


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["format", "version", "record_id", "sequence", "slots", "x"]),
                       json_values, max_size=6))
def test_fuzz_arbitrary_json_with_a_correct_checksum(doc):
    _assert_clean(_with_checksum(doc))


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, prefix + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, prefix + (index,))


@st.composite
def mutated_key_files(draw, original: bytes):
    kind = draw(st.sampled_from(["flip", "truncate", "insert", "replace", "replace_keep_checksum"]))
    if kind == "flip":
        position = draw(st.integers(0, len(original) - 1))
        mask = draw(st.integers(1, 255))
        return original[:position] + bytes([original[position] ^ mask]) + original[position + 1:]
    if kind == "truncate":
        return original[:draw(st.integers(0, len(original) - 1))]
    if kind == "insert":
        position = draw(st.integers(0, len(original)))
        return original[:position] + draw(st.binary(min_size=1, max_size=16)) + original[position:]
    doc = json.loads(original)
    paths = list(_paths(doc))[1:]
    path = draw(st.sampled_from(paths))
    _set(doc, path, draw(json_values))
    return _with_checksum(doc) if kind == "replace" else _without_new_checksum(doc)


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_fuzz_mutated_key_file(key_file, data):
    _assert_clean(data.draw(mutated_key_files(key_file)))


def test_mutations_without_checksum_fix_are_always_refused(key_file):
    """Every single flipped byte of a real key file is noticed (a flipped byte is damage)."""
    refused = 0
    for position in range(len(key_file)):
        for mask in (0x01, 0x20, 0x80):
            flipped = key_file[:position] + bytes([key_file[position] ^ mask]) + key_file[position + 1:]
            try:
                ring = keyslots.from_json(flipped)
            except CLEAN_ERRORS:  # a flipped version digit (2 -> 3) looks like a newer file: refused too
                refused += 1
                continue
            # Only changes JSON cannot see (whitespace that stays whitespace) may be accepted.
            assert ring == keyslots.from_json(key_file)
            assert chr(key_file[position]) in " \n" and chr(flipped[position]) in " \n\t\r"
    assert refused >= 3 * len(key_file) * 0.9


# --- both copies through KeyFiles.load ------------------------------------------------------------

copy_contents = st.none() | st.binary(max_size=64)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_fuzz_load_with_both_copies_damaged(key_file, data):
    folder = Path(tempfile.mkdtemp())
    try:
        contents = []
        for name in (PRIMARY, BACKUP):
            content = data.draw(st.none() | mutated_key_files(key_file) | st.binary(max_size=64), label=name)
            contents.append(content)
            if content is not None:
                (folder / name).write_bytes(content)
        valid = []
        for content in contents:
            try:
                valid.append(keyslots.from_json(content))
            except CLEAN_ERRORS:
                pass
        try:
            loaded = KeyFiles(folder).load()
        except (RecordDamaged, RecordMissing) as error:  # RecordFromNewerVersion is a RecordDamaged
            assert str(error)
            assert not valid, "one copy is intact, so the record must load from it"
            if all(content is None for content in contents):
                assert isinstance(error, RecordMissing)
            return
        assert loaded.ring in valid
        assert loaded.ring.sequence == max(ring.sequence for ring in valid)
    finally:
        shutil.rmtree(folder)


def test_load_both_missing_is_record_missing(tmp_path):
    with pytest.raises(RecordMissing):
        KeyFiles(tmp_path).load()


def test_load_both_damaged_is_record_damaged(tmp_path, key_file):
    (tmp_path / PRIMARY).write_bytes(key_file[:-20])
    (tmp_path / BACKUP).write_bytes(b"")
    with pytest.raises(RecordDamaged) as caught:
        KeyFiles(tmp_path).load()
    assert "damaged" in str(caught.value)


def test_load_one_missing_one_damaged_is_record_damaged(tmp_path, key_file):
    (tmp_path / BACKUP).write_bytes(b"[" * 100_000)
    with pytest.raises(RecordDamaged) as caught:
        KeyFiles(tmp_path).load()
    assert not isinstance(caught.value, RecordFromNewerVersion)


def test_load_key_file_that_is_a_folder(tmp_path, key_file):
    (tmp_path / PRIMARY).mkdir()
    (tmp_path / BACKUP).write_bytes(key_file)
    loaded = KeyFiles(tmp_path).load()
    assert loaded.stale_copies == (tmp_path / PRIMARY,)


def test_a_single_newer_version_copy_does_not_block_the_intact_one(tmp_path, doc, key_file, ring):
    # One changed digit ("version": VERSION + 1) in one copy is damage as far as this version can tell.
    (tmp_path / PRIMARY).write_bytes(_with_checksum(dict(doc, version=keyslots.VERSION + 1)))
    (tmp_path / BACKUP).write_bytes(key_file)
    loaded = KeyFiles(tmp_path).load()
    assert loaded.ring == ring
    assert loaded.stale_copies == ()  # never repaired over: it may belong to a newer Regie


def test_both_copies_of_a_newer_version_are_refused(tmp_path, doc):
    newer = _with_checksum(dict(doc, version=keyslots.VERSION + 1))
    (tmp_path / PRIMARY).write_bytes(newer)
    (tmp_path / BACKUP).write_bytes(newer)
    with pytest.raises(RecordFromNewerVersion):
        KeyFiles(tmp_path).load()


def test_load_prefers_higher_sequence_and_marks_the_other_stale(tmp_path, doc, key_file, ring):
    newer = _with_checksum(dict(doc, sequence=2))
    (tmp_path / PRIMARY).write_bytes(key_file)
    (tmp_path / BACKUP).write_bytes(newer)
    loaded = KeyFiles(tmp_path).load()
    assert loaded.ring == replace(ring, sequence=2)
    assert loaded.stale_copies == (tmp_path / PRIMARY,)


def test_load_copies_of_different_records_is_damage(tmp_path, doc, key_file):
    other = dict(doc, record_id=keyslots.new_record_id(), sequence=5)
    (tmp_path / PRIMARY).write_bytes(key_file)
    (tmp_path / BACKUP).write_bytes(_with_checksum(other))
    with pytest.raises(RecordDamaged) as caught:
        KeyFiles(tmp_path).load()
    assert "different records" in str(caught.value)


def test_save_and_repair_write_private_files(tmp_path, ring):
    files = KeyFiles(tmp_path)
    files.write_new(ring)
    saved = files.save(ring, ring)
    assert saved.sequence == 2
    for path in files.paths:
        assert keyslots.from_json(path.read_bytes()) == saved
        assert os.stat(path).st_mode & 0o777 == 0o600
    lock = tmp_path / record_locks.KEYS_LOCK  # no temp file left; the lock file holds nothing
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([PRIMARY, BACKUP, lock.name])
    assert lock.stat().st_size == 0 and os.stat(lock).st_mode & 0o777 == 0o600
