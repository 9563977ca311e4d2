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
        (b"x,y\n1,2\n", "Fewer than two rows"),
        (b",,,\n,,,\n", "separators and quotes only"),
        (b'"",""\n', "separators and quotes only"),
        (b"x,y\n1,2\n3,1e160\n5,6\n", "Line 3, column \u201cy\u201d holds a value beyond"),
        (b"name,city\nAda,London\nAlan,Wilmslow\n", "Fewer than two columns"),
        (b"x,x\n1,2\n3,4\n", "both called"),
        (b"x,y\n1,2\n3,4,5\n", "Line 3 has 3 cells"),
        (b"x,y\n1,2\n3,inf\n", "infinite value"),
        (b"x,y\n" + b"7,1\n" * 20, "no slope can be fitted"),
        (b"x,y\n" + b"1,2\n" * 600_000, "at most 2,097,152"),
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


IRIS = (
    "sepal_length,sepal_width,petal_length,petal_width,species\n"
    + "5.1,3.5,1.4,0.2,setosa\n7.0,3.2,4.7,1.4,versicolor\n6.3,3.3,6.0,2.5,virginica\n" * 50
)


def test_a_real_file_with_a_text_column_offers_its_number_columns():
    at = uploaded(IRIS.encode())
    assert not at.exception  # (at the default rate iris's run blows up, and the page says so)
    assert at.selectbox(key="x_col").options == [
        "sepal_length", "sepal_width", "petal_length", "petal_width"
    ]  # fmt: skip
    assert any("species" in c.value and "text" in c.value for c in at.caption)
    at.selectbox(key="x_col").set_value("petal_length").run()
    data = trace(figure(at, "The data"), "train")
    assert {round(float(v), 5) for v in data["x"]} == {1.4, 4.7, 6.0}  # drawn as float32
    assert len(data["x"]) == 120


def test_an_ambiguous_number_format_is_said_and_the_other_reading_is_one_click_away():
    raw = b"area;price\n" + b"".join(b"%d.%03d;%d\n" % (1 + i % 9, 250, i) for i in range(40))
    at = uploaded(raw)
    assert not at.exception
    radio = at.radio[0]
    assert radio.label == "Numbers like 1.000 mean" and radio.value == ","
    x = trace(figure(at, "The data"), "train")["x"]
    assert min(x) >= 1000  # 1.250 in a semicolon file: one thousand two hundred and fifty
    radio.set_value(".").run()
    assert not at.exception
    x = trace(figure(at, "The data"), "train")["x"]
    assert max(x) < 10  # the other reading: 1.25


def test_a_utf16_file_from_excel_is_read():
    raw = ("x\ty\r\n" + "".join(f"{i}\t{2 * i + 1}\r\n" for i in range(30))).encode("utf-16")
    at = uploaded(raw, "unicode.txt")
    assert not at.exception
    assert len(trace(figure(at, "The data"), "train")["x"]) == 24


def test_a_refused_file_after_a_good_one_leaves_no_chart_of_the_old_one():
    at = uploaded(GOOD.encode())
    assert figure(at, "The data")
    at.file_uploader[0].set_value(("big.csv", b"x,y\n" + b"1,2\n" * 600_000, "text/csv")).run()
    assert not at.exception
    assert any("at most 2,097,152" in e.value for e in at.error)
    assert not charts(at)
