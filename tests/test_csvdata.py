import csv
import io

import numpy as np
import pytest

from core import lab
from core.csvdata import MAX_ABS, CsvError, parse_csv


def parse(raw: bytes, **kw):
    return parse_csv(raw, **{"max_rows": lab.MAX_N, **kw})


def refused(raw: bytes, **kw) -> CsvError:
    with pytest.raises(CsvError) as info:
        parse(raw, **kw)
    return info.value


def values(table, names=None) -> np.ndarray:
    names = names or table.numeric_names
    return np.column_stack([table.column(n).values for n in names])


def test_plain_comma_csv_with_header():
    table = parse(b"x,y\n1,2\n2,4.5\n3,6\n")
    assert table.names == ("x", "y") and table.header and table.separator == ","
    np.testing.assert_array_equal(table.column("y").values, [2, 4.5, 6])
    assert table.other_separators == () and table.other_decimal is None


def test_utf8_bom_utf16_and_windows_1252_and_unicode_headers():
    bom = "\ufeffhöhe,gewicht\n1,2\n3,4\n".encode("utf-8")
    assert parse(bom).names == ("höhe", "gewicht")
    cp = "température;coût\n1;2\n3;4\n".encode("cp1252")
    table = parse(cp)
    assert table.encoding == "Windows-1252" and table.names == ("température", "coût")
    assert parse("面积,价格\n1,2\n3,4\n".encode("utf-8")).names == ("面积", "价格")
    # Excel's "Unicode text": UTF-16 with a BOM, tab separated (it was called binary)
    for raw in (
        "面积\t价格\r\n1\t2\r\n3\t4\r\n".encode("utf-16"),
        "x\ty\n1\t2\n3\t4\n".encode("utf-16-le"),
    ):
        table = parse(raw)
        assert table.encoding == "UTF-16" and table.separator == "\t"
        np.testing.assert_array_equal(values(table), [[1, 2], [3, 4]])


def test_semicolons_with_decimal_commas():
    table = parse(b"x;y\n1,5;2,25\n2,5;3,75\n")
    assert table.separator == ";" and table.decimal == ","
    np.testing.assert_array_equal(values(table), [[1.5, 2.25], [2.5, 3.75]])
    # without a header too: the separator that reads every cell as a number wins
    table = parse(b"1,5;2,25\n2,5;3,75\n")
    assert table.separator == ";" and not table.header
    np.testing.assert_array_equal(values(table), [[1.5, 2.25], [2.5, 3.75]])


def test_no_header_names_columns_and_tabs_work():
    table = parse(b"1\t2\n3\t4\n5\t6\n")
    assert not table.header and table.names == ("column 1", "column 2")
    assert values(table).shape == (3, 2)


def test_windows_line_endings_quotes_and_blank_lines():
    table = parse(b'"x","y"\r\n"1","2"\r\n\r\n"3","4"\r\n\r\n')
    np.testing.assert_array_equal(values(table), [[1, 2], [3, 4]])


IRIS_HEAD = "sepal_length,sepal_width,petal_length,petal_width,species\n"
IRIS_ROWS = ["5.1,3.5,1.4,0.2,setosa", "7.0,3.2,4.7,1.4,versicolor", "6.3,3.3,6.0,2.5,virginica"]


def test_text_columns_are_read_and_left_aside_numbers_are_offered():
    """iris: one text column made every row 'not numbers' (150 of 150 refused)."""
    raw = (IRIS_HEAD + "\n".join(IRIS_ROWS * 50) + "\n").encode()
    table = parse(raw)
    assert table.numeric_names == ("sepal_length", "sepal_width", "petal_length", "petal_width")
    assert table.text_names == ("species",)
    # the reference: Python's own csv module over the same text
    rows = list(csv.reader(io.StringIO(raw.decode())))[1:]
    pair = table.pair("petal_length", "sepal_length")
    np.testing.assert_array_equal(pair.x, [float(r[2]) for r in rows])
    np.testing.assert_array_equal(pair.y, [float(r[0]) for r in rows])
    assert pair.missing_lines == () and pair.text_lines == ()
    # a country, a date and an id beside the numbers (gapminder-like)
    gap = b"country,year,date,id,lifeExp,gdpPercap\n" + b"".join(
        b"Chad,%d,2020-01-%02d,A%d,%d.5,%d\n" % (1950 + i, i + 1, i, 40 + i, 900 + i)
        for i in range(20)
    )
    table = parse(gap)
    assert table.numeric_names == ("year", "lifeExp", "gdpPercap")
    assert table.text_names == ("country", "date", "id")


def test_a_chosen_column_with_too_much_text_is_refused_a_few_stray_cells_are_left_out():
    body = "".join(f"{i},{2 * i}\n" for i in range(30))
    table = parse(("x,y\n" + body + "oops,3\n4,\n").encode())
    pair = table.pair("x", "y")
    assert pair.text_lines == (32,) and pair.missing_lines == (33,) and pair.x.size == 30
    table = parse(b"x,y,label\n1,2,a\n2,3,b\n3,5,c\n")
    with pytest.raises(CsvError) as info:
        table.pair("x", "label")
    assert info.value.code == "non_numeric" and info.value.details["column"] == "label"


def test_empty_cells_and_na_markers_are_missing_not_text():
    table = parse(b"x,y\n1,2\n2,\n3,NA\n4,n/a\n5,8\n6,9\n")
    pair = table.pair("x", "y")
    assert pair.missing_lines == (3, 4, 5) and pair.text_lines == ()
    np.testing.assert_array_equal(pair.x, [1, 5, 6])


def test_line_numbers_are_file_lines_even_past_a_quoted_newline():
    raw = b'x,y,note\n1,2,"two\nlines"\n3,4,ok\n5,oops,ok\n' + b"".join(
        b"%d,%d,ok\n" % (i, i) for i in range(20)
    )
    pair = parse(raw).pair("x", "y")
    assert pair.text_lines == (5,)  # the file's 5th line (the 4th record)
    assert refused(b'x,y\n1,"a\nb"\n3,4,5\n').details["line"] == 4


@pytest.mark.parametrize("raw", [b",,,\n", b",,,\n,,,\n", b'"",""\n', b";;\n\t\t\n"])
def test_separators_only_is_a_message_not_an_exception(raw):
    assert refused(raw).code == "no_values"


def test_blank_separator_rows_between_data_are_ignored():
    table = parse(b"x,y\n1,2\n,\n3,4\n")
    np.testing.assert_array_equal(values(table), [[1, 2], [3, 4]])


def test_a_field_over_the_csv_modules_limit_is_just_text():
    raw = b"x,y,note\n" + b"1,2," + b"a" * 200_000 + b"\n3,4,b\n5,6,c\n"
    table = parse(raw)
    assert table.text_names == ("note",) and table.numeric_names == ("x", "y")


def test_huge_values_are_refused_naming_line_and_column():
    table = parse(b"x,y\n1,2\n3,4\n5,1e160\n")
    with pytest.raises(CsvError) as info:
        table.pair("x", "y")
    assert info.value.code == "too_large" and info.value.details["line"] == 4
    assert info.value.details["column"] == "y"
    # just below the bound the statistics stay finite
    pair = parse(f"x,y\n1,2\n3,{MAX_ABS / 10}\n".encode()).pair("x", "y")
    assert np.isfinite(np.sum(pair.y**2))


@pytest.mark.parametrize("bad", ["inf", "-inf", "1e999", "Infinity"])
def test_non_finite_values_are_refused_naming_line_and_column(bad):
    table = parse(f"x,y\n1,2\n3,{bad}\n5,6\n".encode())
    with pytest.raises(CsvError) as info:
        table.pair("x", "y")
    assert info.value.code == "nonfinite" and info.value.details == {"line": 3, "column": "y"}


def test_semicolon_file_reads_thousands_points_and_says_the_other_reading():
    """`1.000` in a semicolon file was read as 1: it is 1000 there, and ambiguous, so said."""
    table = parse(b"a;b\n1.000;2\n3.500;4\n")
    assert table.decimal == "," and table.other_decimal == "."
    np.testing.assert_array_equal(table.column("a").values, [1000, 3500])
    other = parse(b"a;b\n1.000;2\n3.500;4\n", decimal=".")
    np.testing.assert_array_equal(other.column("a").values, [1, 3.5])
    # one decimal comma settles it: no ambiguity left
    table = parse(b"a;b\n1.000;2,5\n3.500;4\n")
    assert table.decimal == "," and table.other_decimal is None
    np.testing.assert_array_equal(values(table), [[1000, 2.5], [3500, 4]])
    # 1.234,5 and 1,234.5 each have one reading
    assert parse(b"a;b\n1.234,5;1\n2;3\n").column("a").values[0] == 1234.5
    assert parse(b'a,b\n"1,234.5",1\n2,3\n').column("a").values[0] == 1234.5
    # 0.125 never means 125
    table = parse(b"a;b\n0.125;1\n0.250;2\n")
    assert table.decimal == "." and table.other_decimal is None


def test_a_quoted_semicolon_in_a_comma_header_does_not_pick_semicolons():
    table = parse(b'"weight; kg",height\n1,2\n3,4\n')
    assert table.separator == "," and table.names == ("weight; kg", "height")
    np.testing.assert_array_equal(values(table), [[1, 2], [3, 4]])


def test_an_ambiguous_separator_is_reported_with_the_other_reading():
    raw = b"a,b;c\n1,2;3\n4,5;6\n"  # commas and semicolons both split every line in two
    table = parse(raw)
    # semicolons read every cell as a number (1,2 = 1.2), so they are taken; commas are offered
    assert table.separator == ";" and table.other_separators == (",",)
    np.testing.assert_array_equal(values(table), [[1.2, 3], [4.5, 6]])
    other = parse(raw, separator=",")
    assert other.names == ("a", "b;c") and other.numeric_names == ("a",)


def test_safe_clean_ups_are_recorded_per_column():
    table = parse('price,share,pop\n"$1,200.50",12%,1 234\n€3,5%,2 000\n'.encode())
    assert table.column("price").cleaned == {"currency", "grouping"}
    assert table.column("share").cleaned == {"percent"}
    assert table.column("pop").cleaned == {"grouping"}
    np.testing.assert_array_equal(values(table), [[1200.5, 12, 1234], [3, 5, 2000]])


@pytest.mark.parametrize(
    "raw,code",
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x00\x01\x02binary\x00", "binary"),
        (bytes(range(256)) * 10, "binary"),
        (b"just one column\n1\n2\n", "one_column"),
        (b"x,y\n", "header_only"),
        (b"x,x\n1,2\n3,4\n", "duplicate"),
    ],
)
def test_refusals_have_specific_codes(raw, code):
    assert refused(raw).code == code


def test_one_row_is_too_few_when_the_pair_is_taken():
    with pytest.raises(CsvError) as info:
        parse(b"x,y\n1,2\n").pair("x", "y")
    assert info.value.code == "single_row"


def test_ragged_rows_name_the_line():
    error = refused(b"x,y\n1,2\n3,4,5\n6,7\n")
    assert error.code == "ragged" and error.details == {"line": 3, "found": 3, "expected": 2}


def test_size_and_row_caps():
    assert refused(b"x,y\n" + b"1,2\n" * 10, max_bytes=20).code == "too_big"
    table = parse(b"x,y\n" + b"".join(b"%d,%d\n" % (i, i) for i in range(50)), max_rows=20)
    assert values(table).shape == (20, 2) and table.truncated_from == 50
