"""Reading the tables people upload, for every importer (the register, the targets' figures, the list of
abnormal applications): rows as lists of cells, read as a stream.

A CSV is accepted in UTF-8 or in GB18030 (GBK), which is what Excel on a Chinese Windows saves and what the
national patent search system exports, if the whole file decodes and holds no NUL byte; anything else is
refused before a row is read. An XLSX is read with openpyxl in read-only mode; a file damaged anywhere, in
its parts or past its first rows, is refused with a message rather than an error. What its parts unpack to
(`unpacked_size`) is for each importer to bound: a small workbook can unpack to gigabytes.
"""

import codecs
import csv
import io
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

CSV_ENCODINGS = ("utf-8-sig", "gb18030")
CHUNK_BYTES = 64 * 1024


def decodes_as_text(head):
    """Whether the first bytes of a file may begin a CSV in one of the accepted encodings (the sample may end
    inside a character)."""
    if b"\x00" in head:
        return False
    for encoding in CSV_ENCODINGS:
        try:
            codecs.getincrementaldecoder(encoding)().decode(head, final=False)
        except UnicodeDecodeError:
            continue
        return True
    return False


def csv_encoding(uploaded):
    """The first accepted encoding the whole file decodes in, if it holds no NUL byte; else None."""
    for encoding in CSV_ENCODINGS:
        uploaded.seek(0)
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            while chunk := uploaded.read(CHUNK_BYTES):
                if b"\x00" in chunk:
                    return None
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        finally:
            uploaded.seek(0)
        return encoding
    return None


def refuse_encoding():
    return ValidationError(_("CSV 文件须为 UTF-8 或 GBK 编码的文本。"), code="encoding")


def csv_rows(uploaded):
    encoding = csv_encoding(uploaded)
    if encoding is None:
        raise refuse_encoding()
    uploaded.seek(0)
    text = io.TextIOWrapper(getattr(uploaded, "file", uploaded), encoding=encoding, newline="")
    try:
        yield from csv.reader(text)
    except csv.Error as error:
        raise ValidationError(_("无法读取该 CSV 文件：%(error)s") % {"error": error}) from error
    finally:
        # The stored file may be closed already when an unfinished reader is collected.
        if not text.closed:
            text.detach()


def xlsx_rows(uploaded):
    """The first sheet's rows, empty cells as ""."""
    from openpyxl import load_workbook

    uploaded.seek(0)
    try:
        # Read-only mode streams the sheet's XML row by row instead of building every cell first.
        workbook = load_workbook(uploaded, read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise _unreadable_workbook(error) from error
    try:
        for row in sheet.iter_rows(values_only=True):
            yield ["" if cell is None else cell for cell in row]
    except Exception as error:  # a sheet can also be damaged past its first rows
        raise _unreadable_workbook(error) from error
    finally:
        workbook.close()


def _unreadable_workbook(error):
    return ValidationError(_("无法读取该 Excel 文件：%(error)s") % {"error": error})


def unpacked_size(uploaded):
    """The bytes an XLSX workbook's parts unpack to, as its archive declares them. They can be trusted: zipfile
    checks each part against its declared size as it reads it, so a part that holds more fails the read."""
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            return sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError) as error:
        raise _unreadable_workbook(error) from error
    finally:
        uploaded.seek(0)


def table_rows(uploaded, kind):
    """The rows of an upload whose content was checked as `kind`, "xlsx" or "csv"."""
    return xlsx_rows(uploaded) if kind == "xlsx" else csv_rows(uploaded)
