import numpy as np
import pytest

from core import lab
from core.csvdata import CsvError, parse_csv


def parse(raw: bytes, **kw):
    return parse_csv(raw, **{"max_rows": lab.MAX_N, **kw})


def refused(raw: bytes, **kw) -> CsvError:
    with pytest.raises(CsvError) as info:
        parse(raw, **kw)
    return info.value


def test_plain_comma_csv_with_header():
    table = parse(b"x,y\n1,2\n2,4.5\n3,6\n")
    assert table.names == ("x", "y") and table.header and table.separator == ","
    np.testing.assert_array_equal(table.column("y"), [2, 4.5, 6])


def test_utf8_bom_and_windows_1252_and_unicode_headers():
    bom = "\ufeffhöhe,gewicht\n1,2\n3,4\n".encode("utf-8")
    assert parse(bom).names == ("höhe", "gewicht")
    cp = "température;coût\n1;2\n3;4\n".encode("cp1252")
    table = parse(cp)
    assert table.encoding == "Windows-1252" and table.names == ("température", "coût")
    assert parse("面积,价格\n1,2\n3,4\n".encode("utf-8")).names == ("面积", "价格")


def test_semicolons_with_decimal_commas():
    table = parse(b"x;y\n1,5;2,25\n2,5;3,75\n")
    assert table.separator == ";"
    np.testing.assert_array_equal(table.values, [[1.5, 2.25], [2.5, 3.75]])


def test_no_header_names_columns_and_tabs_work():
    table = parse(b"1\t2\n3\t4\n5\t6\n")
    assert not table.header and table.names == ("column 1", "column 2")
    assert table.values.shape == (3, 2)


def test_windows_line_endings_quotes_and_blank_lines():
    table = parse(b'"x","y"\r\n"1","2"\r\n\r\n"3","4"\r\n\r\n')
    np.testing.assert_array_equal(table.values, [[1, 2], [3, 4]])


@pytest.mark.parametrize(
    "raw,code",
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x00\x01\x02binary\x00", "binary"),
        (bytes(range(256)) * 10, "binary"),
        (b"just one column\n1\n2\n", "one_column"),
        (b"x,y\n", "header_only"),
        (b"x,y\n1,2\n", "single_row"),
        (b"x,x\n1,2\n3,4\n", "duplicate"),
    ],
)
def test_refusals_have_specific_codes(raw, code):
    assert refused(raw).code == code


def test_ragged_rows_name_the_line():
    error = refused(b"x,y\n1,2\n3,4,5\n6,7\n")
    assert error.code == "ragged" and error.details == {"line": 3, "found": 3, "expected": 2}


def test_a_few_non_numeric_rows_are_skipped_and_counted_many_are_refused():
    body = "".join(f"{i},{2 * i}\n" for i in range(30))
    table = parse(("x,y\n" + body + "oops,3\n4,\n").encode())
    assert table.skipped_rows == (32, 33) and table.values.shape == (30, 2)
    error = refused(("x,y\n1,2\n2,3\na,b\nc,d\n").encode())
    assert (
        error.code == "non_numeric" and error.details["skipped"] == 2 and error.details["line"] == 4
    )


@pytest.mark.parametrize("bad", ["nan", "inf", "-inf", "1e999", "NaN"])
def test_non_finite_values_are_refused_naming_row_and_column(bad):
    error = refused(f"x,y\n1,2\n3,{bad}\n".encode())
    assert error.code == "nonfinite" and error.details == {"line": 3, "column": "y"}


def test_size_and_row_caps():
    assert refused(b"x,y\n" + b"1,2\n" * 10, max_bytes=20).code == "too_big"
    table = parse(b"x,y\n" + b"".join(b"%d,%d\n" % (i, i) for i in range(50)), max_rows=20)
    assert table.values.shape == (20, 2) and table.truncated_from == 50
