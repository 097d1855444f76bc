# The figures for supervisors in the staff group (src/bot/desk/report.ts), in STAFF_LANG.

report-usage = /report today, /report week or /report month: the figures of today, the last 7 or the last 30 days. /export or /export 2026-03: a month's figures as a CSV file.
report-title = 📊 <b>Figures for { $from } – { $to }</b> (Kazakhstan days; no names, no messages)
report-opened = Cases opened: { $count }
report-by-risk = By risk: { $list }
report-by-how = How they began: { $list }
report-by-region = Regions: { $list }
report-by-topic = Topics: { $list }
report-by-lang = Languages: { $list }
report-by-role = Who wrote: { $list }
report-via-crisis = crisis message
report-via-flow = during a topic
report-via-menu = menu or button
report-via-reopened = wrote again
report-via-checkin = answered a check-in
report-waits-title = <b>Minutes until…</b> (median / 90% of cases, how many)
report-wait = { $median } / { $p90 } ({ $count })
report-wait-line = { $icon } { $risk }: claimed { $claim } · first reply { $reply } · resolved { $resolve }
report-outcomes = Outcomes: { $list }
report-categories = Topics of resolved cases: { $list }
report-ratings = Ratings: { $list } · average { $average }
report-ratings-none = Ratings: none yet
report-checkins = Check-ins: offered { $offered } · accepted { $accepted } · sent { $sent } · answered { $answered }
report-campaigns = Posters (shown from { $min } people): { $list }; tags under { $min }: { $hidden }
report-export-caption = Senim figures for { $from } – { $to } (Kazakhstan days): anonymous counts, CSV.
report-supervisors-only = The figures are for supervisors (SUPERVISOR_IDS).

# The staff group's check at start (src/bot/desk/setup.ts), posted in the General topic.
setup-title = ⚙️ <b>Senim cannot work fully in this group yet.</b> Please fix:
setup-not-forum = Turn on Topics in the group settings: every case gets its own topic.
setup-not-admin = Make the bot an administrator with the right “Manage topics”.
setup-no-topics-right = Give the bot the administrator right “Manage topics”.
setup-unreachable = The bot is not in the group.
setup-cannot-post = The bot may not send messages here.
setup-first-run =
    ⚙️ Senim is not connected to a staff group yet. To make this group the operators' desk:
    1. Turn on Topics in the group settings.
    2. Set <code>OPERATOR_CHAT_ID={ $group }</code> and restart the bot.
    3. Add the bot again as an administrator with the right “Manage topics”.
    The id of the person who added me: <code>{ $user }</code> (for <code>SUPERVISOR_IDS</code>, if they supervise). I am leaving the group until then.
setup-your-id = Your Telegram id: <code>{ $user }</code> (for <code>SUPERVISOR_IDS</code>). This group: <code>{ $group }</code>.

# The staff group's command list (src/bot/commands.ts).
cmd-staff-report = Figures: today, week or month (supervisors)
cmd-staff-export = A month's figures as CSV (supervisors)
cmd-staff-id = Your Telegram id (for SUPERVISOR_IDS)
