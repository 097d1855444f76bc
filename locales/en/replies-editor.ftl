# The saved-replies editor in the staff group (src/bot/desk/data-editor.ts, data/replies.csv; in STAFF_LANG).

repedit-not-supervisor = Only supervisors can change or export the saved replies.
repedit-usage = To change the saved replies, send them as a CSV file here in the General topic (take the current ones with /replies export, edit them in a spreadsheet, send the file back). Each reply has a label for the staff and its text in kk, ru and en: kk_child and ru_child speak to a child informally (сен / ты), kk_adult and ru_adult to an adult formally (сіз / вы); a form left empty uses the other one of its language. I will check the file and show what would change before anything is applied.
repedit-export-caption = The saved replies in use: version { $version }, { $count } replies. Edit them and send the file back here in the General topic.
repedit-no-changes = The file ({ $count } replies) is the same as the saved replies in use: there is nothing to apply.
repedit-applied = Applied: the saved replies are now version { $version }. Every instance uses them within a few seconds.
repedit-conflict = Other saved replies were applied after this file was checked, so nothing was changed. Export the current ones and send your changes again.
repedit-audit = 📒 Saved replies updated to version { $version } by { $who }, { $date } { $time } (Kazakhstan time): { $added } added, { $removed } removed, { $changed } changed.
diredit-not-supervisor-any = Only supervisors can change the help directory or the saved replies.
