# The operators' desk on a night shift (issue #15). Staff texts are in STAFF_LANG.

staff-card-history = 🗂 Earlier cases of this user: { $count } · the last: { $outcome }, { $risk }
staff-history = 📜 Case #{ $id } so far (its topic was deleted and made again):
staff-claimed-here = ✋ Claimed by { $name }: their message went to the user.
staff-rated = ⭐ The user rated the help in case #{ $id }: { $stars } of 5.
staff-checkin-ok = 🙂 The user of case #{ $id } answered the check-in: they are okay.
staff-claim-yours = This case is already yours.
staff-release-not-yours = Only the operator who claimed this case, or a supervisor, can put it back in the queue.
staff-claimed-other = ⚠️ Sent to the user. Note: another operator has claimed this case.
staff-command-not-sent = Not sent to the user: a message starting with / is taken as a command. To send such a text, start it differently.
staff-edit-failed = ⚠️ Your edit did not reach the user (Telegram refused it, or the message is too old): send the correction as a new message.
staff-edit-held = ⏸ Your edit was not passed on: the user used the quick exit. Send the correction as a new message; it is delivered when they write again.
staff-mine-title = <b>Your open cases</b>:
staff-mine-empty = You have no open cases.
staff-transfer-unknown = I do not know a staff member { $name }: they need to have written or pressed a button in this group once. Write /transfer @username and a note.
staff-transferred = ↪️ Case #{ $id } handed from { $from } to { $to }. Note: { $note }
staff-unblock-supervisors = Only supervisors can unblock users.
staff-unblocked = The user of this case is unblocked: they can write to operators again.
staff-not-blocked = The user of this case is not blocked.
staff-in-topic-only = Write { $command } inside a case topic.

# The staff group's command list (setMyCommands for the staff group).
cmd-staff-queue = Open cases, by risk and waiting time
cmd-staff-mine = My open cases
cmd-staff-note = (in a case topic) A note for staff only
cmd-staff-transfer = (in a case topic) Hand the case to @colleague with a note
cmd-staff-unblock = (in a case topic, supervisors) Unblock the user
cmd-staff-directory = The help directory as CSV: send it, or send an edited one back (supervisors)
cmd-staff-replies = Saved replies as CSV: send them, or send an edited file back (supervisors)

# To a user a supervisor blocked, when they ask for a person.
person-blocked = { $role ->
    [child] Operators can no longer take messages from this account here. If you need help, you can still call — people answer on these lines:
   *[other] Operators can no longer take messages from this account here. If you need help, you can still call — people answer on these lines:
}

# /privacy: what the operators' group keeps (between what the bot keeps and what the quick exit cannot do).
privacy-staff-side = { $role ->
    [child] <b>In the operators' group</b>
        If you talk to an operator, copies of your messages are in a closed group of trained staff, in a topic of your request (without your name or account). The topic is deleted when your request's storage time ends. After /forget, the messages of the conversation are deleted from it at once, and the topic a day later.
   *[other] <b>In the operators' group</b>
        If you talk to an operator, copies of your messages are in a closed group of trained staff, in a topic of your request (without your name or account). The topic is deleted when your request's storage time ends. After /forget, the messages of the conversation are deleted from it at once, and the topic a day later.
}
