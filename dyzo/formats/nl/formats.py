"""One way of writing dates in both languages: 30/11/2026 (docs/dates.md). Letters and
PDFs may write the month out ("30 november 2026"). Numbers keep Django's per language."""

DATE_FORMAT = SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = SHORT_DATETIME_FORMAT = "d/m/Y H:i"
# ISO first: the browser's date field sends it; people may type 30/11/2026.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]
DATETIME_INPUT_FORMATS = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M", "%Y-%m-%d"]
FIRST_DAY_OF_WEEK = 1
