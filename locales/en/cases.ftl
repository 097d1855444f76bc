# Talking to a person: what users read (src/bot/features/cases.ts) and saved replies.

case-opened-on-duty = I've passed your request to a trained counsellor. A person will answer here, in this chat. You are number { $position } in the queue, and operators are on duty now. Write here what is happening — they see everything you send, but not your name or account.
case-opened-off-duty = I've passed your request to a trained counsellor. Operators are not on duty right now; they will answer from { $opens } (Kazakhstan time). You are number { $position } in the queue. Write here what is happening — they will see it, but not your name or account.
case-existing = Your request is already with the operators. Just write here — they see everything you send.
case-meanwhile = If you need help before they answer, call:
case-reopened = I've reopened your request: the operator will see your message.
case-resolved-user = The operator has closed this conversation. If you need help again, write here in the next few days, or press "Talk to a person" in the menu. How much did it help? (1 — not at all, 5 — a lot)
case-rate-thanks = Thank you for your answer. Take care of yourself.
case-still-waiting = All operators are busy right now, and I'm sorry you have to wait. Your request is still in the queue. If you can't wait, call:


# The staff group (language set by STAFF_LANG)

staff-card =
    { $icon } <b>Case #{ $id }</b> — { $risk }
    Topic: { $topic } · Region: { $region }
    Language: { $lang } · Role: { $role }
    Status: { $status } since { $since } (Kazakhstan time)
    <b>The user said:</b> { $summary }
staff-risk-emergency = emergency
staff-risk-high = high risk
staff-risk-moderate = moderate
staff-risk-none = no risk signs
staff-role-child = child / teen
staff-role-parent = parent / caregiver
staff-role-professional = professional
staff-status-open = waiting
staff-status-claimed = claimed
staff-status-resolved = resolved
staff-btn-claim = ✋ Claim
staff-btn-resolve = ✅ Resolve
staff-btn-release = ↩️ Back to queue
staff-btn-block = 🚫 Block
staff-btn-back = ◀ Back
staff-btn-replies = 💬 Saved replies
staff-btn-replies-send = 📤 Send ({ $count })
staff-btn-cancel = ✖️ Cancel
staff-replies-hint = Tick the replies (✓), then Send: they go as one message, in the user's language.
staff-replies-none = Choose at least one reply.
staff-replies-changed = A supervisor has just changed the saved replies: choose again.
staff-replies-too-long = Together these replies are too long for one message: choose fewer.
staff-outcome-helped = Helped
staff-outcome-referred = Referred to a service
staff-outcome-emergency_services = Emergency services called
staff-outcome-no_reply = User stopped replying
staff-outcome-abusive = Abusive
staff-outcome-other = Other
staff-not-allowed = Only Senim staff can do this.
staff-queue-empty = The queue is empty.
staff-queue-title = <b>Open cases</b> (by risk, then waiting time):
staff-queue-line = { $title } · { $minutes } min · { $status }
staff-note-where = Write /note inside a case topic.
staff-note-saved = 📝 Note saved (not sent to the user).
staff-case-missing = This case no longer exists.
staff-claim-taken = Another operator has already claimed this case.
staff-case-closed = This case is resolved; the user does not receive messages here.
staff-claimed-you = The case is yours.
staff-claimed = ✋ Case #{ $id } claimed by { $name }.
staff-released = Back in the queue.
staff-not-claimed = The case is not claimed.
staff-released-note = ↩️ Case #{ $id } is back in the queue.
staff-supervisors-only = Only supervisors can block users.
staff-blocked = The user is blocked; the case is closed.
staff-tpl-sent = Sent to the user.
staff-tpl-copy = 💬 Sent to the user: { $text }
staff-resolved = ✅ Case #{ $id } resolved: { $outcome }.
staff-reopened = 🔁 Case #{ $id } reopened: the user wrote again.
staff-undeliverable = ⚠️ A message could not be delivered to the user (they may have blocked the bot or deleted it).
staff-raised = ⏰ { $icon } Case #{ $id } has waited { $minutes } min without an operator.
staff-risk-raised = ⚠️ Case #{ $id }: risk raised to { $risk }.
case-checkin-button = 🔔 Check on me in 3 days
case-checkin-set = Good. In three days, in the daytime, I will write to ask how you are. You don't have to answer. If you need help sooner, write here or call 150 or 111.
case-checkin-message = Hello, this is Senim. A few days ago you talked with our operator. How are you now? If you would like to talk again, write here or press the button below.
case-checkin-ok = 🙂 I'm okay
case-checkin-glad = Good to hear. If anything changes, I am here: write at any time.
staff-no-topic = ⚠️ Case #{ $id }: I may not create topics in this group, so its messages come here. Give me the right to manage topics.
