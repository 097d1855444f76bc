# The directory editor in the staff group (src/bot/desk/data-editor.ts; language set by STAFF_LANG).

diredit-not-supervisor = Only supervisors can change or export the help directory.
diredit-usage = To change the help directory, send it as a CSV file here in the General topic (take the current one with /directory export, edit it in a spreadsheet, send it back). I will check it and show what would change before anything is applied.
diredit-export-caption = The help directory in use: version { $version }, { $count } entries. Edit it and send the file back here in the General topic.
diredit-too-big = The file is larger than { $max } KB, so I did not read it. Nothing was changed.
diredit-download-failed = I could not read the file from Telegram. Nothing was changed; please send it again.
diredit-invalid = The file has { $count } problem(s), so nothing was changed. Fix these lines and send it again:
diredit-more = … and { $count } more
diredit-no-changes = The file ({ $count } entries) is the same as the directory in use: there is nothing to apply.
diredit-preview = The file is valid: { $count } entries. It would add { $added }, remove { $removed } and change { $changed }:
diredit-confirm = Apply it for every running instance?
diredit-btn-apply = ✅ Apply
diredit-btn-cancel = Cancel
diredit-applied = Applied: the help directory is now version { $version }. Every instance uses it within a few seconds.
diredit-conflict = Another directory was applied after this file was checked, so nothing was changed. Export the current one and send your changes again.
diredit-gone = This upload was already applied or cancelled, or it expired (after an hour). Nothing was changed; send the file again.
diredit-cancelled = Cancelled: nothing was changed.
diredit-audit = 📒 Help directory updated to version { $version } by { $who }, { $date } { $time } (Kazakhstan time): { $added } added, { $removed } removed, { $changed } changed.
