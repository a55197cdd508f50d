"""CSV readers (SPEC 4): what imports, what is refused and how the refusal reads."""

from __future__ import annotations

import csv
import io
import re
import tempfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal

from sync.register.inputs import InputFileError, read_consents, read_customers, read_objections

Reader = Callable[[Path], pd.DataFrame]


def write(tmp_path: Path, content: str | bytes, name: str = "in.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def utc(text: str) -> pd.Timestamp:
    return pd.Timestamp(text).tz_convert("UTC") if "+" in text else pd.Timestamp(text, tz="UTC")


def expected(columns: dict[str, list[object]], instants: tuple[str, ...]) -> pd.DataFrame:
    frame = pd.DataFrame({k: pd.Series(v, dtype="object") for k, v in columns.items()})
    for name in instants:
        frame[name] = pd.to_datetime(frame[name], utc=True).dt.as_unit("ns")
    return frame


def test_consents_file_with_the_usual_mess(tmp_path: Path) -> None:
    """BOM, CRLF, header case, extra columns, blank lines, quoting, zones and optional columns."""
    path = write(
        tmp_path,
        "\ufeffEmail ,Purpose,ACTION,at,source,Extra,wording_id\r\n"
        "  Leena.Soukkala@GMAIL.com ,newsletter,GRANT,2025-01-31,form-7,ignored,w1\r\n"
        "\r\n"
        'matti@example.fi,newsletter,withdraw,2025-02-01T10:00:00+02:00,"phone\r\ncall",,\r\n'
        "aino@example.fi,offers,grant,2025-03-01T08:15,import,x,\r\n",
    )
    got = read_consents(path)
    want = expected(
        {
            "email_norm": ["leena.soukkala@gmail.com", "matti@example.fi", "aino@example.fi"],
            "purpose": ["newsletter", "newsletter", "offers"],
            "action": ["grant", "withdraw", "grant"],
            "at": [utc("2025-01-31"), utc("2025-02-01T08:00"), utc("2025-03-01T08:15")],
            "source": ["form-7", "phone\r\ncall", "import"],
            "wording_id": ["w1", None, None],
            "notice_version": [None, None, None],
        },
        ("at",),
    )
    assert_frame_equal(got.drop(columns=["row_hash", "line"]), want)
    assert got["line"].tolist() == [2, 4, 6]
    assert got["row_hash"].str.fullmatch("[0-9a-f]{64}").all()


def test_objections_and_customers(tmp_path: Path) -> None:
    """Objection scopes and purchase dates import with the DESIGN.md columns."""
    objections = read_objections(
        write(tmp_path, "email,scope,at,channel\nA@B.fi,Direct_Marketing,2025-05-05T00:00Z,email\n")
    )
    assert_frame_equal(
        objections.drop(columns=["row_hash", "line"]),
        expected(
            {
                "email_norm": ["a@b.fi"],
                "scope": ["direct_marketing"],
                "at": [utc("2025-05-05")],
                "channel": ["email"],
            },
            ("at",),
        ),
    )
    customers = read_customers(
        write(tmp_path, "product_group,last_purchase_at,email\nshoes,2024-12-24,a@b.fi\n", "c.csv")
    )
    assert_frame_equal(
        customers.drop(columns=["row_hash", "line"]),
        expected(
            {
                "email_norm": ["a@b.fi"],
                "last_purchase_at": [utc("2024-12-24")],
                "product_group": ["shoes"],
            },
            ("last_purchase_at",),
        ),
    )


@pytest.mark.parametrize(
    ("reader", "header", "columns"),
    [
        pytest.param(
            read_consents,
            "email,purpose,action,at,source",
            ["email_norm", "purpose", "action", "at", "source", "wording_id", "notice_version"],
            id="consents",
        ),
        pytest.param(
            read_objections,
            "email,scope,at,channel",
            ["email_norm", "scope", "at", "channel"],
            id="objections",
        ),
        pytest.param(
            read_customers,
            "email,last_purchase_at,product_group",
            ["email_norm", "last_purchase_at", "product_group"],
            id="customers",
        ),
    ],
)
def test_header_only_gives_empty_frame(
    tmp_path: Path, reader: Reader, header: str, columns: list[str]
) -> None:
    """A header without rows imports nothing but still has every column and dtype."""
    got = reader(write(tmp_path, header + "\n"))
    assert got.empty
    assert list(got.columns) == [*columns, "row_hash", "line"]
    assert str(got["line"].dtype) == "int64"
    assert all(
        str(got[c].dtype) == "datetime64[ns, UTC]" for c in ("at", "last_purchase_at") if c in got
    )


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        pytest.param(
            "LEENA@x.fi ,news,GRANT,2025-01-01,form",
            "leena@x.fi,news,grant,2025-01-01T02:00:00+02:00,form",
            True,
            id="same-fact-other-spelling",
        ),
        pytest.param(
            "leena@x.fi,news,grant,2025-01-01,form",
            "leena@x.fi,offers,grant,2025-01-01,form",
            False,
            id="other-purpose",
        ),
        pytest.param(
            "leena@x.fi,news,grant,2025-01-01,form",
            "leena@x.fi,news,grant,2025-01-01,form,w1",
            False,
            id="other-wording",
        ),
    ],
)
def test_row_hash_identifies_the_normalised_row(tmp_path: Path, a: str, b: str, same: bool) -> None:
    """Re-importing the same fact gives the same row_hash, so the register adds nothing."""
    header = "email,purpose,action,at,source,wording_id\n"
    first = read_consents(
        write(tmp_path, header + a + ("," if a.count(",") == 4 else "") + "\n", "a.csv")
    )
    second = read_consents(
        write(tmp_path, header + b + ("," if b.count(",") == 4 else "") + "\n", "b.csv")
    )
    assert (first["row_hash"][0] == second["row_hash"][0]) is same


GOOD = "leena.soukkala@gmail.com,newsletter,grant,2025-01-01,form\n"
HEADER = "email,purpose,action,at,source\n"

REFUSED = [
    pytest.param(read_consents, b"", "1: the file is empty (no header row)", id="empty-file"),
    pytest.param(
        read_consents,
        b"\xef\xbb\xbf\r\n\r\n",
        "1: the file is empty (no header row)",
        id="bom-and-blank-lines",
    ),
    pytest.param(
        read_consents,
        "email,purpose,action,at\n" + GOOD,
        "1: column 'source': required column is missing",
        id="missing-column",
    ),
    pytest.param(
        read_consents,
        "email,purpose,action,at,source,EMAIL\n",
        "1: column 'email': the column appears more than once",
        id="repeated-column",
    ),
    pytest.param(
        read_consents,
        HEADER + GOOD + "leena.soukkala@gmail,newsletter,grant,2025-01-01,form\n",
        "3: column 'email': not a valid email address",
        id="invalid-email",
    ),
    pytest.param(
        read_consents,
        HEADER + GOOD + "  ,newsletter,grant,2025-01-01,form\n",
        "3: column 'email': value is missing",
        id="missing-email",
    ),
    pytest.param(
        read_consents,
        HEADER + "leena.soukkala@gmail.com,newsletter,yes,2025-01-01,form\n",
        "2: column 'action': must be one of grant, withdraw",
        id="bad-action",
    ),
    pytest.param(
        read_objections,
        "email,scope,at,channel\nleena.soukkala@gmail.com,spam,2025-01-01,email\n",
        "2: column 'scope': must be one of direct_marketing, distance_selling, market_research,"
        " person_directory, genealogy, all",
        id="bad-scope",
    ),
    pytest.param(
        read_consents,
        HEADER + "leena.soukkala@gmail.com,newsletter,grant,1.1.2025,form\n",
        "2: column 'at': not an ISO 8601 date or date-time",
        id="finnish-date",
    ),
    pytest.param(
        read_customers,
        "email,last_purchase_at,product_group\nleena.soukkala@gmail.com,1500-01-01,shoes\n",
        "2: column 'last_purchase_at': date is outside the years 1900-2200",
        id="date-1500",
    ),
    pytest.param(
        read_consents,
        HEADER + "leena.soukkala@gmail.com,newsletter,grant,1899-12-31,form\n",
        "2: column 'at': date is outside the years 1900-2200",
        id="date-before-1900",
    ),
    pytest.param(
        read_consents,
        HEADER + "leena.soukkala@gmail.com,newsletter,grant,0225-11-20,form\n",
        "2: column 'at': date is outside the years 1900-2200",
        id="year-typo-0225",
    ),
    pytest.param(
        read_consents,
        HEADER + "leena.soukkala@gmail.com,newsletter,grant,9999-12-31T23:00-05:00,form\n",
        "2: column 'at': date is outside the years 1900-2200",
        id="date-overflows-in-utc",
    ),
    pytest.param(
        read_consents,
        HEADER + "leena.soukkala@gmail.com,newsletter,grant\n",
        "2: the row has 3 cells, the header has 5",
        id="short-row",
    ),
    pytest.param(
        read_consents,
        HEADER + "leena.soukkala@gmail.com,newsletter,grant,2025-01-01,form,extra\n",
        "2: the row has 6 cells, the header has 5",
        id="long-row",
    ),
    pytest.param(
        read_consents,
        (HEADER + GOOD).encode() + b"leena\xff@gmail.com,newsletter,grant,2025-01-01,form\n",
        "3: the text is not valid UTF-8",
        id="undecodable-bytes",
    ),
    pytest.param(
        read_consents,
        HEADER + "leena.soukkala@gmail.com,news\x00letter,grant,2025-01-01,form\n",
        "2: NUL character (UTF-16 or a binary file?)",
        id="nul-byte",
    ),
    pytest.param(
        read_consents,
        HEADER + 'leena.soukkala@gmail.com,"news"letter,grant,2025-01-01,form\n',
        "2: malformed CSV: ',' expected after '\"'",
        id="stray-quote",
    ),
]


@pytest.mark.parametrize(("reader", "content", "message"), REFUSED)
def test_invalid_file_is_refused_whole(
    tmp_path: Path, reader: Reader, content: str | bytes, message: str
) -> None:
    """One bad row rejects the file with `<file>:<line>: ...`, never quoting the value."""
    path = write(tmp_path, content)
    with pytest.raises(InputFileError) as caught:
        reader(path)
    assert str(caught.value) == f"{path}:{message}"
    assert "leena" not in str(caught.value)


def test_unreadable_file(tmp_path: Path) -> None:
    """A file that cannot be opened is an InputFileError too."""
    path = tmp_path / "missing.csv"
    with pytest.raises(InputFileError, match=r"missing\.csv: cannot read the file"):
        read_consents(path)


def test_error_carries_its_parts(tmp_path: Path) -> None:
    """The CLI and reports can use path, line and column without parsing the message."""
    path = write(tmp_path, HEADER + "x,newsletter,grant,2025-01-01,form\n")
    with pytest.raises(InputFileError) as caught:
        read_consents(path)
    error = caught.value
    assert (error.path, error.line, error.column, error.message) == (
        str(path),
        2,
        "email",
        "not a valid email address",
    )


# --- property-based: any input either imports or fails with file and line ---------------------

VALUES = {
    "email": st.emails() | st.just(" LEENA@Example.FI "),
    "purpose": st.sampled_from(["newsletter", "offers"]),
    "action": st.sampled_from(["grant", "withdraw", "GRANT"]),
    "at": st.dates(date(1900, 1, 1), date(2100, 1, 1)).map(str)
    | st.datetimes(datetime(1900, 1, 1), timezones=st.timezones()).map(lambda d: d.isoformat())
    | st.datetimes().map(lambda d: d.isoformat()),
    "source": st.sampled_from(["form", "import"]),
    "wording_id": st.sampled_from(["", "w1"]),
    "notice_version": st.sampled_from(["", "2025-1"]),
}
COLUMNS = list(VALUES)
cells = (
    st.text(max_size=12) | st.just("") | st.sampled_from(["2025-01-01", "a@b.fi", '"', ",", "\n"])
)


@st.composite
def csv_files(draw: st.DrawFn) -> str:
    """A consents CSV with random header order, extra columns, odd cells and ragged rows."""
    header = draw(st.permutations(COLUMNS)).copy()
    if draw(st.integers(0, 4)) == 0:
        del header[draw(st.integers(0, len(header) - 1))]
    header += draw(st.lists(st.text(min_size=1, max_size=6), max_size=2))
    rows = []
    for _ in range(draw(st.integers(0, 4))):
        row = [
            draw(VALUES[c]) if c in VALUES and draw(st.integers(0, 4)) else draw(cells)
            for c in header
        ]
        cut = draw(st.integers(0, len(row) + 1))
        rows.append(row[:cut] if draw(st.integers(0, 5)) == 0 else row)
    out = io.StringIO()
    csv.writer(out).writerows([header, *rows])
    return out.getvalue()


def assert_imports_or_names_line(path: Path) -> None:
    try:
        frame = read_consents(path)
        event("imported", payload="rows" if len(frame) else "no rows")
    except InputFileError as error:
        event("refused", payload=error.message.split(":")[0])
        text = str(error)
        assert re.match(rf"{re.escape(str(path))}:\d+: ", text), text
        assert "\n" not in text
        assert "@" not in text  # no address ever reaches the message


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(csv_files())
def test_random_csv_imports_or_names_file_and_line(content: str) -> None:
    """Random rows either import or raise InputFileError naming file and line, nothing else."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "consents.csv"
        path.write_text(content, encoding="utf-8", newline="")
        assert_imports_or_names_line(path)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200) | st.text(max_size=200).map(lambda t: t.encode("utf-8", "replace")))
def test_random_bytes_import_or_name_file_and_line(content: bytes) -> None:
    """Arbitrary bytes never escape as anything but InputFileError with file and line."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "consents.csv"
        path.write_bytes(HEADER.encode() + content)
        assert_imports_or_names_line(path)


rows = st.lists(
    st.tuples(
        st.emails(),
        st.sampled_from(["newsletter", "offers"]),
        st.sampled_from(["grant", "withdraw"]),
        # Importable dates are 1900-2200 (issue 9); pandas could hold roughly 1678-2261.
        st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(2200, 12, 30)).map(
            lambda d: d.isoformat()
        ),
    ),
    max_size=10,
)


@settings(max_examples=100, deadline=None)
@given(rows)
def test_valid_rows_always_import_and_reimport_identically(data: list[tuple[str, ...]]) -> None:
    """Valid rows import one per line, and the same file hashes the same way twice."""
    out = io.StringIO()
    csv.writer(out).writerows(
        [["email", "purpose", "action", "at", "source"], *[[*r, "form"] for r in data]]
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "consents.csv"
        path.write_text(out.getvalue(), encoding="utf-8", newline="")
        first, second = read_consents(path), read_consents(path)
    assert first["line"].tolist() == list(range(2, len(data) + 2))
    assert_frame_equal(first, second)


def test_an_address_with_a_zero_width_character_rejects_the_file(tmp_path: Path) -> None:
    """A hidden U+200B in line 3's email refuses the file naming file, line and column."""
    path = write(
        tmp_path,
        HEADER
        + "aino@example.fi,newsletter,grant,2025-01-01,form\n"
        + "leena\u200b@example.fi,newsletter,grant,2025-01-01,form\n",
    )
    with pytest.raises(InputFileError) as caught:
        read_consents(path)
    assert (caught.value.path, caught.value.line, caught.value.column) == (str(path), 3, "email")
