#!/bin/sh
# Makes test/fixtures/xlsx/libreoffice-features.xlsx: the openpyxl workbook with a chart, an image, a comment, data
# validation, hidden and protected sheets and custom document properties (openpyxl-macro.xlsm, made by
# make-xlsx-fixtures.py), opened and saved again by LibreOffice Calc. The output is committed: CI needs no LibreOffice.
# Needs Debian's libreoffice-calc-nogui (or libreoffice-calc).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$here/test/fixtures/xlsx/openpyxl-macro.xlsm" "$tmp/libreoffice-features.xlsm"
HOME="$tmp" soffice --headless --norestore --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$tmp/out" "$tmp/libreoffice-features.xlsm"
cp "$tmp/out/libreoffice-features.xlsx" "$here/test/fixtures/xlsx/libreoffice-features.xlsx"
