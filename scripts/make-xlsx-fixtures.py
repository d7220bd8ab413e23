#!/usr/bin/python3
"""Builds the .xlsx/.xlsm fixtures written by another program than exceljs (openpyxl, Debian's python3-openpyxl).

Usage: /usr/bin/python3 scripts/make-xlsx-fixtures.py   (apt-get install python3-openpyxl python3-pil)
Writes test/fixtures/xlsx/. The files are committed, so CI does not need openpyxl; rerun after changing this script.

- openpyxl-features.xlsx  a form-like sheet with a chart, an image, a comment, data validation, a conditional
                          format, a defined name, merged cells, dates and percentages; a hidden sheet and a
                          protected one. openpyxl names its drawing and chart parts with absolute targets
                          (`/xl/drawings/drawing1.xml`), which exceljs 4.4 cannot load.
- openpyxl-plain.xlsx     the same cells without chart, image, comment, validation or conditional format:
                          what exceljs can read, as the reference snapshot.
- openpyxl-macro.xlsm     openpyxl-features.xlsx made macro-enabled: a (fake) xl/vbaProject.bin part with its
                          relationship and content type, and custom document properties (docProps/custom.xml).
- sample-openpyxl.xlsx    assets/sample/sample-2021.xlsx loaded and saved by openpyxl with a chart, an image and a
                          comment added: a workbook with real forms to fill.
"""
import io
import os
import zipfile
from datetime import date, datetime

from openpyxl import Workbook, load_workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from PIL import Image as PILImage

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
OUT = os.path.join(ROOT, 'test', 'fixtures', 'xlsx')
FIXED = datetime(2024, 1, 2, 3, 4, 5)


def png() -> io.BytesIO:
    b = io.BytesIO()
    PILImage.new('RGB', (8, 8), (200, 30, 30)).save(b, format='PNG')
    b.seek(0)
    return b


def cells(wb: Workbook) -> None:
    ws = wb.active
    ws.title = '项目表'
    ws['A1'] = '项目支出绩效自评表'
    ws.merge_cells('A1:F1')
    ws.append(['一级指标', '指标', '年度指标值', '实际完成值', '分值', '得分'])
    rows = [('产出指标', '数量', '>=65场', 65, 10, 10), ('产出指标', '质量', '≥95%', 0.9881, 10, 9.88),
            ('效益指标', '满意度', '>=90%', 0.92, 10, None), ('成本指标', '成本', '<=100万元', 98.5, 10, 10)]
    for r in rows:
        ws.append(list(r))
    for r in range(3, 7):
        ws.cell(r, 4).number_format = '0.00%' if ws.cell(r, 4).value < 1 else '0.00'
    ws['E7'] = '=SUM(E3:E6)'
    ws['F7'] = '=SUM(F3:F6)'
    ws['A8'] = '填报日期'
    ws['B8'] = date(2024, 3, 15)
    ws['B8'].number_format = 'yyyy-mm-dd'
    ws['C8'] = True
    ws['D8'] = 'a & b < c > "d"'
    ws['A9'] = '=1+1 写成文字'
    ws['A9'].data_type = 's'
    hidden = wb.create_sheet('下拉选项')
    for i, v in enumerate(['优', '良', '中', '差'], start=1):
        hidden.cell(i, 1, v)
    hidden.sheet_state = 'hidden'
    locked = wb.create_sheet('锁定表')
    locked['B2'] = 12345.678
    locked['B2'].number_format = '#,##0.00'
    locked.protection.sheet = True
    wb.defined_names.append(DefinedName('等级', attr_text="'下拉选项'!$A$1:$A$4"))


def features(ws) -> None:
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=5, min_row=2, max_row=6), titles_from_data=True)
    ws.add_chart(chart, 'H2')
    ws.add_image(Image(png()), 'H20')
    ws['B3'].comment = Comment('指标说明', '审核人')
    dv = DataValidation(type='list', formula1='=等级', allow_blank=True)
    ws.add_data_validation(dv)
    dv.add('G3:G6')
    ws.conditional_formatting.add('F3:F6', CellIsRule(operator='lessThan', formula=['9'], fill=PatternFill('solid', bgColor='FFC7CE')))


def save(wb: Workbook, name: str) -> str:
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    path = os.path.join(OUT, name)
    wb.save(path)
    return path


def rezip(src: str, dst: str, edit) -> None:
    """Copies a zip entry by entry, with fixed timestamps, letting edit(name, data) change or add entries."""
    with zipfile.ZipFile(src) as zin:
        entries = [(i.filename, zin.read(i.filename)) for i in zin.infolist()]
    entries = edit(entries)
    with zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as zout:
        for name, data in entries:
            zout.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 2, 3, 4, 6)), data, zipfile.ZIP_DEFLATED)


def macro(entries):
    out = []
    for name, data in entries:
        if name == '[Content_Types].xml':
            data = data.decode().replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
                                         'application/vnd.ms-excel.sheet.macroEnabled.main+xml')
            data = data.replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
                                '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>').encode()
        elif name == 'xl/_rels/workbook.xml.rels':
            data = data.decode().replace('</Relationships>', '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="/xl/vbaProject.bin"/></Relationships>').encode()
        elif name == '_rels/.rels':
            data = data.decode().replace('</Relationships>', '<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>').encode()
        out.append((name, data))
    out.append(('xl/vbaProject.bin', b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' + bytes(range(256)) * 8))
    out.append(('docProps/custom.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="项目编号"><vt:lpwstr>2021-042</vt:lpwstr></property></Properties>'.encode()))
    return out


def main() -> None:
    os.makedirs(OUT, exist_ok=True)
    wb = Workbook()
    cells(wb)
    save(wb, 'openpyxl-plain.xlsx')
    wb = Workbook()
    cells(wb)
    features(wb['项目表'])
    feat = save(wb, 'openpyxl-features.xlsx')
    rezip(feat, os.path.join(OUT, 'openpyxl-macro.xlsm'), macro)
    sample = load_workbook(os.path.join(ROOT, 'assets', 'sample', 'sample-2021.xlsx'))
    first = sample.worksheets[0]
    features(first)
    save(sample, 'sample-openpyxl.xlsx')
    # openpyxl stamps zip entries with the time of the run; fix them so the files only change with this script
    for name in ('openpyxl-plain.xlsx', 'openpyxl-features.xlsx', 'sample-openpyxl.xlsx'):
        path = os.path.join(OUT, name)
        rezip(path, path + '.tmp', lambda e: e)
        os.replace(path + '.tmp', path)


if __name__ == '__main__':
    main()
