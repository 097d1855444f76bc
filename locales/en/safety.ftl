# Crisis replies (src/bot/features/crisis.ts)

crisis-emergency = { $role ->
    [child] You did the right thing by writing. You matter, and you don't have to face this alone. If you or someone near you is in danger right now, call:
   *[other] Thank you for writing — you don't have to deal with this alone. If you or someone near you is in danger right now, call:
}
crisis-numbers =
    🆘 <b>112</b> — right now, if a life is in danger or violence is happening (or 102 police, 103 ambulance). Free from any phone.
    📞 <b>150</b> — the national helpline for children and young people: when you need to talk to someone about what is happening.
    📞 <b>111</b> — about violence at home, bullying or your rights: 24/7, free, you don't have to give your name; they connect you with the police, guardianship and doctors.
crisis-high = { $role ->
    [child] Thank you for telling me. What you describe is serious, it is not your fault, and there are people whose job is to help. Here is who to contact:
   *[other] Thank you for telling me. What you describe is serious, and there are people whose job is to help with exactly this. Here is who to contact:
}
crisis-moderate = It sounds like something is weighing on you. Would you like to look at it together?
crisis-person-now = 🙋 Talk to a person now
crisis-open-topic = 📖 { $topic }
crisis-in-case = { $role ->
    [child] I've passed your message to the operator. If you are in danger right now, don't wait — call:
   *[other] I've passed your message to the operator. If you or someone near you is in danger right now, don't wait — call:
}

# Danger found in a message or a flow, "Are you safe?", the quick exit, erasure, honest promises off duty (issue #14)

crisis-emergency-self-harm = { $role ->
    [child] Thank you for telling me. If you might hurt yourself right now, call 112 — don't wait. You can also talk to someone now:
   *[other] Thank you for writing. If you might hurt yourself right now, or someone near you is in danger, call 112 — do not wait. You can also talk to someone now:
}
crisis-self-harm = { $role ->
    [child] Thank you for telling me. Thoughts of not wanting to live can feel really heavy, and you don't have to deal with them alone. Call 150 — they will listen. If you might do something to yourself right now, call 112.
   *[other] Thank you for telling me. Thoughts of suicide can be very heavy, and nobody has to carry them alone. Call 111 — round the clock, free — they will listen; if it is about a child or a young person, 150 helps too. If there is a risk that you harm yourself right now, call 112.
}
crisis-numbers-self-harm = { $role ->
    [child]
        📞 <b>150</b> — the helpline for children and young people: to talk about what is happening, thoughts of suicide too.
        📞 <b>111</b> — round the clock, free, no name needed (if you cannot get through to 150).
        🆘 <b>112</b> — at once, if a life is in danger right now.
   *[other]
        📞 <b>111</b> — round the clock, free, no name needed: psychological help, with thoughts of suicide too.
        📞 <b>150</b> — the helpline for children and young people, when it is about a child.
        🆘 <b>112</b> — at once, if a life is in danger right now.
}
safe-ask = { $role ->
    [child] Are you safe right now?
   *[other] Are you safe right now?
}
safe-yes-button = ✅ Yes, I am safe
safe-no-button = ❗ No
safe-person-button = 🙋 I want to talk to a person
safe-yes = { $role ->
    [child] Good that you are safe.
   *[other] Good that you are safe.
}
safe-no = { $role ->
    [child] If you are in danger right now, call 112 — it is the fastest way.
   *[other] If you are in danger right now, call 112 — it is the fastest way.
}
person-later = ✉️ Write to operators (they answer in working hours)
hide-button = 🚪 Quick exit
case-meanwhile-off-duty = { $role ->
    [child] Nobody is on duty right now, so your message will be read only when they are back. If you need help now, call:
   *[other] Nobody is on duty right now, so your message will be read only when they are back. If you need help now, call:
}
case-still-waiting-off-duty = { $role ->
    [child] Nobody is on duty right now; operators are back on { $opens } (Kazakhstan time). Your request is still in the queue. If you cannot wait, call:
   *[other] Nobody is on duty right now; operators are back on { $opens } (Kazakhstan time). Your request is still in the queue. If you cannot wait, call:
}
forget-expired = { $role ->
    [child] This button is old. To erase everything, send /forget again.
   *[other] This button is old. To erase everything, send /forget again.
}
privacy-limits =
    <b>What the quick exit cannot do</b>
    /hide deletes only what Telegram lets a bot delete: messages of the last 48 hours. The chat itself stays in your list: to remove it, hold it and choose "Delete chat". Notifications that already appeared on the screen cannot be taken back.
    If a supervisor blocked someone for abuse, a coded mark (not the Telegram number) stays for a year, also after /forget.

staff-summary-flow = From the flow: { $answers }
staff-hidden = 🚪 Case #{ $id }: the user used the quick exit (someone may see their phone). Do not write first: what you send is held until they write again.
staff-unheld = ▶ The user of case #{ $id } wrote again: held messages are being delivered now.
staff-held = ⏸ Held: the user used the quick exit. Your message will be delivered when they write again.
staff-held-short = Held until the user writes again (quick exit)
staff-erased = 🗑 The user of case #{ $id } erased their data (/forget). The case and its messages are deleted; nothing written here reaches anyone.
staff-erased-reply = Not delivered: this user erased their data (/forget). If they write again, a new case opens.

# The short screen for a child in danger (one sentence; the rest under "More")
flow-danger-brief-me = If you can, get to a place where there are people, and call 112.
flow-danger-brief-other = Don't step in between people who are fighting: call an adult you trust, or call 112.
flow-violence-brief = If it is dangerous right now, call 112 or 102 (police); if you can, go to the neighbours or somewhere with people.
flow-feeling_bad-brief = Please don't stay alone with this right now: call 150 or tell any adult near you; if you might hurt yourself right now, call 112.
flow-more = ➕ More: what to do and where to turn
