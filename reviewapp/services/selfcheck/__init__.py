"""Self-check before archiving (每案必检 检查): the 个人自查表 and 部门核查表 of a case.

forms.py   generate a form from the standard and the pre-screening, fill, submit; read a case's forms
excel.py   the form as an Excel workbook for filling away from the app, and its import
access.py  who fills and who reads a form
"""
