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
