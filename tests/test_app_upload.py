import pytest

from tests.apptest_util import charts, figure, fresh_app, trace

GOOD = "area;price\n" + "".join(f"{i},5;{2 * i + 1},25\n" for i in range(40))


def uploaded(content: bytes, name: str = "data.csv"):
    at = fresh_app(scenario="upload")
    assert any("Choose a CSV file" in i.value for i in at.info)
    at.file_uploader[0].set_value((name, content, "text/csv")).run()
    return at


def test_a_good_file_is_drawn_with_its_columns():
    at = uploaded(GOOD.encode("cp1252"))
    assert not at.exception
    assert at.selectbox(key="x_col").options == ["area", "price"]
    data = trace(figure(at, "The data"), "train")
    assert len(data["x"]) == 32 and min(data["x"]) >= 0.5
    assert "scenario" in dict(at.query_params)  # the link says "upload" (the file is not in it)


@pytest.mark.parametrize(
    "content,message",
    [
        (b"", "The file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
        (b"x,y\n", "header row but no data"),
        (b"x,y\n1,2\n", "single row"),
        (b"x,x\n1,2\n3,4\n", "both called"),
        (b"x,y\n1,2\n3,4,5\n", "Row 3 has 3 cells"),
        (b"x,y\n1,2\n3,nan\n", "infinite or missing"),
        (b"x,y\n1,2\na,b\nc,d\n", "too many to skip"),
        (b"x,y\n" + b"7,1\n" * 20, "no slope can be fitted"),
        (b"x,y\n" + b"1,2\n" * 600_000, "at most 2,000,000"),
    ],
)
def test_bad_files_get_a_specific_message_and_no_traceback(content, message):
    at = uploaded(content)
    assert not at.exception, [e.value for e in at.exception]
    assert any(message in e.value for e in at.error), [e.value for e in at.error]


def test_column_names_are_shown_as_text_never_as_markup():
    evil = b"[click](javascript:alert(1)),<b>y</b>\n1,1\n1,2\n1,3\n"
    at = uploaded(evil)
    assert not at.exception
    shown = " ".join(e.value for e in at.error)
    assert "\\[click\\]" in shown  # escaped, so Markdown renders it as the characters typed


def test_uploaded_data_stays_in_its_own_session():
    first = uploaded(GOOD.encode())
    assert figure(first, "The data")
    other = fresh_app(scenario="upload")  # another user, same server process
    assert not charts(other)
    assert any("Choose a CSV file" in i.value for i in other.info)


def test_a_hostile_link_key_is_escaped_in_the_notice():
    at = fresh_app(**{"[x](http://evil.example)": "1"})
    notice = " ".join(c.value for c in at.caption)
    assert "\\[x\\]\\(http\\:" in notice
