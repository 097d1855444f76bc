# Senim — guided topic flows (src/flows/topics). English.
# Every message is rendered with { $role } = child | parent | professional.
# One paragraph per source line: Fluent keeps line breaks and Telegram shows them.
# Telegram HTML: only <b> and <i>. Facts and numbers: /work/shared/kz-services.md only.


## 1. Danger right now

flow-danger-intro = { $role ->
    [child] If you or someone near you is in danger, call <b>112</b>. It's free from any phone.
        Answer two short questions and I'll tell you what to do.
   *[other] If someone's life or health is in danger right now, call <b>112</b>: free, from any phone, day and night.
        Two short questions, and I'll tell you what to do next.
}
flow-danger-q-who = Who is in danger?
flow-danger-who-me = Me
flow-danger-who-child = { $role ->
    [child] Another child
    [parent] My child
    [professional] A child I work with
   *[other] A child
}
flow-danger-who-other = { $role ->
    [child] A grown-up
   *[other] Another adult
}
flow-danger-q-now = Is it happening right now?
flow-danger-now-now = Yes, right now
flow-danger-now-past = It just happened
flow-danger-now-soon = I'm afraid it will happen soon

flow-danger-advice-call = { $role ->
    [child] <b>Call 112</b> — it reaches all the emergency services. The call is free, even with no money on your phone. You can also call <b>102</b> for the police or <b>103</b> for an ambulance. Say what is happening and where you are: the address, or what you can see around you.
   *[other] <b>112</b> is the single emergency number: day and night, free, from any phone. Direct lines: <b>102</b> police, <b>103</b> ambulance. Say what is happening, the exact address and who is hurt, and stay on the line until the operator ends the call.
}
flow-danger-advice-safe = { $role ->
    [child] If you can, go somewhere safe: to a neighbour, a shop, anywhere with people around. Keep your phone with you. None of this is your fault, and asking for help is the right thing to do.
   *[other] If you can, get to a safe place: neighbours, relatives, anywhere with people around. Take your phone, your documents and the children if they are with you. Your safety matters more than your things.
}
flow-danger-advice-help = { $role ->
    [child] Don't try to handle it on your own, and don't step between people who are fighting — you could get hurt too. Get an adult you trust, or call <b>112</b> yourself.
    [professional] Call <b>102</b> or <b>112</b> first, then tell the head of your organisation. Don't leave the child alone, and don't let them go back to where they are threatened.
   *[other] If you can do it without putting yourself at risk, stay with the person who is hurt or take them somewhere safe. Don't join the fight: call the police (<b>102</b>) and wait for them.
}
flow-danger-advice-after = { $role ->
    [child] If you are hurt or feel unwell, call <b>103</b> or ask an adult. Even when it's over, it matters to tell someone: call <b>102</b> or <b>111</b>.
   *[other] If anyone is injured, call an ambulance (<b>103</b>) or see a doctor: the medical records can later serve as evidence. You can report to the police (<b>102</b>) after it is over, too. Don't delete threatening messages.
}
flow-danger-advice-soon = { $role ->
    [child] Think ahead: where you could go, who you could call, where you could wait until it's safe. Remember <b>112</b> and <b>150</b>. If you are scared, call <b>150</b> now and tell them what is going on.
    [professional] If you fear that a child will be harmed, don't wait: report it now to the police (<b>102</b>) and to your head, write down what you know, and don't let the child go back to where they are threatened. If the threat is to you, make a plan: where to go, whom to call, a code word for people close to you. <b>111</b> will help you reach the police, the guardianship body and other services.
   *[other] Make a plan: where to go, whom to call, where your documents and money are, a code word for people close to you. Threats can be reported to the police (<b>102</b>). At <b>111</b> they will tell you where to turn and help you reach the police and other services.
}
flow-danger-advice-lines = { $role ->
    [child] You can talk to someone: <b>111</b> answers day and night, free and anonymous; <b>150</b> is the helpline for children and young people. You can also ask for a real person right here in the bot.
   *[other] Once the immediate danger has passed: <b>111</b>, the contact centre for family, women's and children's rights (day and night, free, anonymous); <b>150</b>, the helpline for children and young people.
}


## 2. Violence or abuse at home

flow-violence-intro = { $role ->
    [child] I'm glad you came here with this. If someone hurts you at home, it is not your fault. Nobody has the right to hit you, humiliate you or touch you against your will.
        I'll ask three short questions so I can tell you who can help.
   *[other] Violence in the family is not a "private matter": since 2024, battery and causing minor harm to health are crimes, and help is available.
        Three short questions, and I'll tell you where to turn.
}
flow-violence-q-who = { $role ->
    [child] Who is it happening to?
   *[other] Who is affected?
}
flow-violence-who-me = Me
flow-violence-who-child = { $role ->
    [child] My brother, sister or friend
    [parent] My child
    [professional] A child I work with
   *[other] A child
}
flow-violence-who-other = { $role ->
    [child] My mum or another adult
   *[other] Another adult
}
flow-violence-q-kind = What is happening?
flow-violence-kind-hit = { $role ->
    [child] Hitting or hurting
   *[other] Physical violence
}
flow-violence-kind-sexual = { $role ->
    [child] Touching me or forcing me
   *[other] Sexual abuse
}
flow-violence-kind-neglect = { $role ->
    [child] No food, left alone
   *[other] Neglect: no food, care, treatment
}
flow-violence-kind-words = { $role ->
    [child] Shouting, threats, put-downs
   *[other] Threats, humiliation, control
}
flow-violence-q-now = { $role ->
    [child] Is it dangerous right now?
   *[other] Is anyone in danger right now?
}
flow-violence-now-now = Yes, it's unsafe now
flow-violence-now-often = It keeps happening
flow-violence-now-past = It was in the past

flow-violence-advice-now = { $role ->
    [child] If it's dangerous right now, call <b>112</b> or <b>102</b> (police). If you can, go to a neighbour or somewhere with people around.
    [professional] If there is danger now, call <b>102</b> or <b>112</b>. If a child is at risk, don't leave them alone and don't let them go back to where they are threatened; if you yourself are in danger, get somewhere safe: neighbours, anywhere with people around. For injuries, call <b>103</b>.
   *[other] If there is danger now, call <b>102</b> or <b>112</b>. If you can, get somewhere safe with the children: neighbours, relatives, anywhere with people around. For injuries, call <b>103</b>.
}
flow-violence-advice-child = { $role ->
    [child] What is happening to you is not your fault. Tell an adult you trust: a teacher, the school psychologist, a relative. If you don't know whom to tell, call <b>150</b> or <b>111</b>. Calls to 111 are free and anonymous, and you can also write to them through the QR code posted in your school.
   *[other] A child needs to hear that it is not their fault and that telling was the right thing to do. They can get help at <b>150</b> and <b>111</b>.
}
flow-violence-advice-friend = { $role ->
    [child] It's good that you want to help. Tell your friend it's not their fault. Don't promise to keep it secret — this is not something to keep secret. Tell an adult you trust, or call <b>111</b> and they will tell you what to do.
   *[other] If a child tells you a friend is being abused, support them and report it to <b>111</b> or the police (<b>102</b>).
}
flow-violence-advice-home = { $role ->
    [child] When your mum or another adult is hurt at home, it is very hard for you too — and that is not your fault either. Don't step in between them: call <b>102</b> or <b>112</b>. You can tell your mum that crisis centres help women with children for free and can give them a safe place to stay for a while. <b>111</b> will say where the nearest one is.
   *[other] Children who see violence at home are victims too. Crisis centres help for free; <b>111</b> will tell you where the nearest one is.
}
flow-violence-advice-dv = You don't have to put up with this. Crisis centres for victims of domestic violence help for free and can give women with children temporary shelter; how long depends on the centre. Family support centres at the akimats offer a psychologist and a lawyer free of charge. <b>111</b> (day and night, anonymous) will tell you where the nearest centre is. You can report battery to the police (<b>102</b>) and ask them for a protective order against the aggressor; keep photos of injuries, doctors' notes and threatening messages.
flow-violence-advice-support = Support the person: listen, don't judge, don't rush them into decisions. Tell them that crisis centres help for free and can give women with children temporary shelter; <b>111</b> will help find one. If you see or hear violence happening, call <b>102</b>.
flow-violence-advice-parent = Believe your child and tell them they did the right thing by telling you. Don't question them again and again, and don't bring them face to face with the abuser — leave that to the specialists. What matters most now is that your child is no longer left with the person who harms them. Report it to the police (<b>102</b>); <b>111</b> will help you reach the police, the guardianship body and doctors.
flow-violence-advice-pro = Listen to the child calmly, don't promise to keep it secret, and don't investigate yourself: write down word for word what the child said, when and in what circumstances. Since 2024, schools must report to the police offences committed by or against minors. Report to the police (<b>102</b>) and to your head; if the child is not being cared for, to the guardianship body at the akimat. <b>111</b> will help you reach the right services.
flow-violence-advice-sexual = { $role ->
    [child] If someone touched you or forced you into something, it is not your fault — even if it is someone you know or someone in your family, and even if they told you to keep quiet. You can and should tell: call <b>150</b> or <b>111</b>, or tell an adult you trust.
    [professional] In a case of sexual abuse of a child, report it at once to the police (<b>102</b>) and to your head, and see that a doctor examines the child; until then it is better that the child does not wash or change clothes — traces are evidence. Don't question the child in detail yourself or make them retell what happened: specialists will do that. Since 2024, sexual harassment of children under 16 is a crime.
   *[other] In a case of sexual abuse, go straight to the police (<b>102</b>) and a doctor; if possible, don't wash yourself or the clothes before the examination — traces are evidence. The child needs a psychologist's help; don't make them retell what happened over and over. Since 2024, sexual harassment of children under 16 is a crime.
}
# A child telling about someone else (a brother, a sister, a friend, their mum).
flow-violence-advice-sexual_other = Forcing anyone into something sexual is a crime, and only the one who does it is to blame — not the person it happens to, and not you. Don't keep it secret: tell an adult you trust, or call <b>111</b> or <b>150</b>.
flow-violence-advice-neglect = { $role ->
    [child] Every child has the right to food, care and medical treatment. If you don't get them at home, tell a teacher or call <b>111</b>.
   *[other] If a child is not cared for — no food, no supervision, no treatment — report it to the guardianship body at the district or city akimat or to <b>111</b>: they will contact the guardianship body and the services that can help the family.
}
flow-violence-advice-words = { $role ->
    [child] Being shouted at, threatened or put down all the time is violence too, not upbringing. You deserve respect.
    [professional] Constant threats, humiliation and control are violence too, even without beating. If a child lives with this, write down what you see and hear and report it to the guardianship body or <b>111</b>; a psychologist at a family support centre can work with the family.
   *[other] Constant threats, humiliation and control are violence too, even without beating. A psychologist at a family support centre or a crisis centre can help you make sense of it and plan for safety.
}
flow-violence-advice-law = <b>What the law changed.</b> Since 16 June 2024, battery and causing minor harm to health are crimes. Incitement to suicide and sexual harassment of children under 16 are criminal offences, and the penalties for kidnapping minors are harsher.
flow-violence-advice-lines = { $role ->
    [child] Call <b>111</b> — day and night, free and anonymous — or <b>150</b>, the helpline for children and young people.
   *[other] <b>111</b> is the contact centre for family, women's and children's rights: day and night, free, anonymous; they connect you with the police, the guardianship body and doctors. For a child: <b>150</b>, the helpline for children and young people.
}


## 3. Bullying and cyberbullying

flow-bullying-intro = { $role ->
    [child] Bullying is not "just a joke", and it's not your fault. Let's work it out together: a couple of questions and I'll tell you what to do.
   *[other] Bullying and cyberbullying are not "kids being kids": since 2024 they carry administrative liability.
        A few short questions, and you'll have a plan.
}
flow-bullying-q-who = Who is being bullied?
flow-bullying-who-me = Me
flow-bullying-who-friend = A friend or classmate
flow-bullying-q-side = What is going on?
flow-bullying-side-victim = { $role ->
    [professional] A pupil is being bullied
   *[other] My child is being bullied
}
flow-bullying-side-bully = { $role ->
    [professional] A pupil bullies others
   *[other] My child bullies others
}
flow-bullying-q-where = Where is it happening?
flow-bullying-where-school = At school
flow-bullying-where-online = Online
flow-bullying-where-both = Both
flow-bullying-q-threat = { $role ->
    [child] Is someone threatening you or demanding something?
   *[other] Are there threats or demands?
}
flow-bullying-threat-none = { $role ->
    [child] No, they call me names and laugh
   *[other] No, mocking and insults
}
flow-bullying-threat-harm = { $role ->
    [child] They threaten to hurt me
   *[other] Threats of violence
}
flow-bullying-threat-photos = { $role ->
    [child] They want photos or threaten to share them
   *[other] Demands for intimate photos, blackmail
}
flow-bullying-threat-money = { $role ->
    [child] They want money
   *[other] Demands for money
}

flow-bullying-advice-child = You're not being bullied because something is wrong with you: the one to blame is the bully. Don't carry it alone — tell your parents, a teacher or the school psychologist. Asking for help is the right thing to do, not "telling tales".
flow-bullying-advice-friend = Good on you for not looking away. Stay with your friend, don't laugh along with the bullies, and don't forward hurtful posts. Offer to go together to an adult — a teacher or the school psychologist.
flow-bullying-advice-extort = { $role ->
    [child] If someone demands photos or money and threatens you, that is blackmail, and the blackmailer is to blame, not you. <b>Don't pay and don't send anything more</b>: it won't make the blackmail stop. Don't delete the messages, take screenshots and tell an adult you trust straight away. You can go to the police about blackmail — <b>102</b>.
    [professional] This is extortion, and when photos are involved it is sexual blackmail (sextortion), an offence. Tell the pupil it's not their fault, they did right to tell you, and they should not pay or send anything more. Don't promise to keep it secret: report it to the police (<b>102</b>) and to your head, and inform the parents. Help save the evidence (screenshots, links), but don't forward intimate images to anyone, not even as evidence.
   *[other] This is extortion, and when photos are involved it is sexual blackmail (sextortion). <b>Don't pay and don't send anything more</b>: giving in doesn't stop it. Don't delete the messages; save the evidence and go to the police (<b>102</b>). Tell your child it's not their fault and they did right to tell you: shame keeps children from asking for help.
}
flow-bullying-advice-threat = { $role ->
    [child] If someone threatens to hurt you, that is serious. Tell an adult today. If you are in danger right now, call <b>112</b>.
    [professional] Threats of violence are a matter for the police: report them to <b>102</b> (or <b>112</b> if there is immediate danger) and to your head, and inform the parents. Keep the threatening messages, and don't leave the pupil alone with those who threaten them.
   *[other] Take threats of violence straight to the police (<b>102</b>), or to <b>112</b> if there is immediate danger. Keep the threatening messages and tell the school.
}
flow-bullying-advice-evidence = { $role ->
    [child] <b>Save the evidence.</b> Take screenshots that show the date and the account name. Don't delete anything, even if it's unpleasant. Then block the bully and report them on the app or site itself.
    [professional] <b>Save the evidence</b> with the pupil and their parents: screenshots that show the date and the account name, links to the pages. Nothing should be deleted; then the bully is blocked and reported to the platform. Write down what you were told and when.
   *[other] <b>Save the evidence</b>: screenshots that show the date and the account name, links to the pages. Don't delete anything. Then block the bully and report them to the platform. Don't respond to provocations.
}
flow-bullying-advice-online = { $role ->
    [child] To feel safer online: make your profile private, never share your password, don't tag where you are, and don't send your photos to people you don't know. If something scares you, leave the chat and tell an adult.
    [professional] Online-safety basics in the spirit of the Cyber Tumar campaign (UNICEF, the EU and the Committee for the Protection of Children's Rights, 2024): a private profile, passwords shared with nobody, no location in posts, messages from strangers limited. Go through them with the pupils, and let them know they can come to you about anything that happens online.
   *[other] Online-safety basics in the spirit of the Cyber Tumar campaign (UNICEF, the EU and the Committee for the Protection of Children's Rights, 2024): a private profile, passwords shared with nobody, no location in posts, messages from strangers limited. Agree with your child that they can tell you about anything that happens online without being punished or losing their phone.
}
flow-bullying-advice-school = { $role ->
    [child] Tell your class teacher or the school psychologist — the school has to step in. If the school doesn't help, call <b>111</b>.
    [professional] Since 1 September 2024 the Finnish KiVa programme has been piloted in 110 schools, and since 1 September 2025 the national anti-bullying programme ДосболLIKE runs in every school and college — use its tools. Bring the case to the school's anti-bullying team, talk to each side separately, inform the parents, and write down what happened and what was done. Schools must report to the police offences committed by or against minors.
   *[other] Write to the class teacher and the school psychologist, preferably in writing, and ask for a plan of action. Since 1 September 2025 every school and college runs the anti-bullying programme ДосболLIKE: the school's anti-bullying team looks into a complaint, draws up a plan to help and checks that it works — you can ask for this in writing. Schools must report to the police offences committed by or against minors.
}
flow-bullying-advice-law = <b>What the law says.</b> Since 16 June 2024, bullying and cyberbullying of a minor is an administrative offence (art. 127-2 of the Administrative Offences Code): a fine of 10 MRP, or 30 MRP for a repeat within a year. If the offender is 12 to 16 years old, the parents pay the fine; from 16, the teenager answers for it personally.
flow-bullying-advice-bully = { $role ->
    [professional] Work not only with the child who is targeted but also with the one who bullies: talk to them separately, without public shaming, and involve the parents and the school's anti-bullying team. Aggression often hides a child's own difficulties.
   *[other] Listen to your child calmly and find out what happened — without shouting or labels. Explain that bullying does real harm and has consequences: if your child is 12 to 16, the parents pay the fine. Agree on a joint plan with the school and involve the school psychologist: aggression often hides difficulties of its own.
}
flow-bullying-advice-lines = { $role ->
    [child] You can always reach <b>111</b> — day and night, free and anonymous; you can also write to them through the QR code at school. <b>150</b> is the helpline for children and young people. And there is the school psychologist.
    [professional] Where to turn: <b>111</b> — day and night, free, anonymous (advice, a lawyer, a link to the police); for the child, <b>150</b>, the helpline for children and young people. An offence committed by or against a minor is reported to the police (<b>102</b>).
   *[other] Where to turn: the school psychologist first; <b>111</b> — day and night, free, anonymous (advice, a lawyer, a link to the police); <b>150</b>, the helpline for children and young people.
}


## 4. Feeling bad

flow-feeling_bad-intro = { $role ->
    [child] I'm glad you're here. Sadness, worry, feeling empty inside — you don't have to deal with it alone. A couple of questions so I can understand how to help.
   *[other] Everyone feels sad, anxious or worn out at times, but sometimes it lingers. A couple of questions, and I'll show you where to find free, confidential help.
}
flow-feeling_bad-q-who = Who is this about?
flow-feeling_bad-who-me = Me
flow-feeling_bad-who-child = { $role ->
    [parent] My child
    [professional] A child I work with
   *[other] A child
}
flow-feeling_bad-q-long = { $role ->
    [child] How long have you felt this bad?
   *[other] How long has it been going on?
}
flow-feeling_bad-long-days = A few days
flow-feeling_bad-long-weeks = Two weeks or more
flow-feeling_bad-long-always = A long time, getting worse
flow-feeling_bad-q-harm = { $role ->
    [child] Do you have thoughts of hurting yourself or not wanting to live?
   *[other] Do you have thoughts of harming yourself or of not wanting to live?
}
flow-feeling_bad-harm-no = No
flow-feeling_bad-harm-thoughts = Sometimes
flow-feeling_bad-harm-now = Yes, right now
flow-feeling_bad-harm-hurt = { $role ->
    [child] I already hurt myself
   *[other] I have already harmed myself
}
flow-feeling_bad-q-harm_c = Are there signs the child is thinking of harming themselves?
flow-feeling_bad-harm_c-no = No
flow-feeling_bad-harm_c-talks = Talks about death
flow-feeling_bad-harm_c-hurt = I see signs of self-harm
flow-feeling_bad-harm_c-unsure = I don't know

flow-feeling_bad-advice-now = { $role ->
    [child] Please don't stay alone right now. Call <b>111</b> — they answer day and night, free even from a mobile, and will listen and help you get through this moment. You can also call <b>150</b>, the helpline for children and young people. If you might do something to yourself right now, call <b>112</b> or <b>103</b>, or tell any adult nearby straight away. Put away anything you could hurt yourself with. You matter, and you will get help.
   *[other] Please don't stay alone right now: call someone close to you, or call <b>111</b> — they will listen. If there is a risk that you will harm yourself right now, call <b>112</b> or <b>103</b>. Put medicines and sharp objects out of reach.
}
flow-feeling_bad-advice-thoughts = { $role ->
    [child] Thank you for being honest about this. Thoughts like these come when things are very hard, and it's OK to talk about them. Call <b>111</b> (day and night, free) or <b>150</b>, or tell an adult you trust. If the thoughts get stronger, call <b>112</b>.
   *[other] Thank you for being honest. Thoughts like these are better spoken about with a person than kept inside: call <b>111</b> (day and night, anonymous) or see a psychologist. If the thoughts become more insistent or you start making a plan, call <b>112</b>.
}
flow-feeling_bad-advice-hurt = { $role ->
    [child] If you have hurt yourself, show the wound to an adult or a doctor, and if the bleeding won't stop or you have swallowed something, call <b>103</b>. It doesn't make you a "bad" person: this happens when the pain inside is very strong. You can learn other ways to cope with that pain, and people can help you with it.
   *[other] If there are fresh wounds or you have taken something dangerous, call an ambulance (<b>103</b>). Self-harm is a sign of deep pain, not weakness; psychologists help with it without judging.
}
flow-feeling_bad-advice-cope = { $role ->
    [child] When you feel sad or anxious, simple things help: talking to someone you trust, sleep, going outside, moving, writing down what you feel. If the low mood doesn't pass in two weeks or more, don't just try to sit it out — ask for help.
   *[other] Simple things help: sleep, movement, regular meals, talking to someone close, less news and social media at night. If low mood or anxiety lasts more than two weeks and gets in the way of life, it's worth seeing a specialist.
}
flow-feeling_bad-advice-long = { $role ->
    [child] If you've felt bad for a long time, it isn't laziness or your character. This happens with depression or strong anxiety, and it can be treated. You deserve help, and asking for it is the right thing to do.
   *[other] When low mood or anxiety lasts for months and gets worse, it may be depression or an anxiety disorder — and these can be treated. Don't put off seeing a specialist.
}
flow-feeling_bad-advice-places = { $role ->
    [child] Free help: the school psychologist; a youth health centre — free, confidential, and you don't need to be registered at the clinic; the regional psychological support centre.
    [professional] Free help for the child: <b>youth health centres</b> for teenagers and young people (free, confidential, no clinic registration needed) and the <b>regional psychological support centres</b> (one in every region). Refer the child and the parents there.
   *[other] Free help: <b>youth health centres</b> for teenagers and young people (free, confidential, no clinic registration needed), <b>regional psychological support centres</b> (one in every region), the school psychologist.
}
flow-feeling_bad-advice-places_adult = Free help for adults: a psychologist at a <b>family support centre</b> at the akimat (free psychological, legal and advisory help) or at the <b>regional psychological support centre</b> (for children and families). <b>111</b> gives psychological help day and night, free and anonymous.
flow-feeling_bad-advice-c_risk = { $role ->
    [professional] Take it seriously and don't leave the child alone. Ask directly and without judgement whether they are thinking of harming themselves, and don't promise to keep it secret. Tell the parents (unless the danger comes from the family) and your head, write down what you saw and heard, and give the child the numbers <b>111</b> (day and night, free) and <b>150</b>. If there is immediate danger, call <b>112</b> or <b>103</b>.
   *[other] Take it seriously, even if it seems your child is "seeking attention". Ask directly and calmly: "Are you thinking about hurting yourself?" — a direct question doesn't push them, it gives them a chance to talk. Don't leave your child alone; put medicines and sharp objects away. Call <b>111</b> (day and night, free) or <b>150</b> together; if there is immediate danger, <b>112</b> or <b>103</b>.
}
flow-feeling_bad-advice-ask = Warning signs: talking about death or about everyone being "better off without me", giving belongings away, withdrawing, sudden mood changes, cuts, long sleeves in hot weather. If you notice any of these, ask the child directly, calmly and without reproach. A direct question does not push anyone towards suicide.
flow-feeling_bad-advice-support = { $role ->
    [professional] Notice changes: falling grades, withdrawal, missed classes. Talk to the child privately and without pressure, and tell the parents. If the changes last, refer the child to the regional psychological support centre or a youth health centre.
   *[other] Be there: ask how your child is doing and listen without rushing to advise or judge. Keep the usual routine — sleep, meals, walks. "You have no reason to be sad" doesn't help; try "I can see it's hard for you, and I'm here".
}
flow-feeling_bad-advice-lines = { $role ->
    [child] If you want to talk: <b>150</b>, the helpline for children and young people, or <b>111</b> — free, anonymous, day and night. You can also ask for a real person right here in the bot.
   *[other] To talk to a person: <b>111</b> — day and night, free, anonymous; for children and young people, the <b>150</b> helpline. You can also ask for a real person here in the bot.
}


## 5. Family difficulties

flow-family-intro = { $role ->
    [child] Every family has hard times, and when things are hard at home, it's not your fault. Tell me a little and I'll show you who can help.
   *[other] When a family is going through a hard time, help is free: family support centres at the akimats have psychologists and lawyers. A couple of questions, and I'll suggest where to start.
}
flow-family-q-what = { $role ->
    [child] What is happening at home?
   *[other] What is the family going through?
}
flow-family-what-conflict = { $role ->
    [child] A lot of arguing
   *[other] Conflict and quarrels
}
flow-family-what-divorce = { $role ->
    [child] My parents are divorcing
   *[other] Divorce or separation
}
flow-family-what-parenting = { $role ->
    [child] We don't understand each other
    [professional] Parenting difficulties
   *[other] Hard to get along with my child
}
flow-family-what-hardship = { $role ->
    [child] Not enough money
   *[other] Money problems, job loss
}
flow-family-q-safe = { $role ->
    [child] Does anyone at home get hit, or is anyone scared?
   *[other] Is anyone in the family afraid of another, or does it ever get physical?
}
flow-family-safe-no = No
flow-family-safe-yes = Yes
flow-family-safe-unsure = { $role ->
    [child] I don't know
   *[other] Hard to say
}

flow-family-advice-conflict = { $role ->
    [child] When adults argue, children often think it's because of them. It isn't: adults are responsible for their own arguments. You can tell an adult you trust or the school psychologist how you feel.
    [professional] If family conflict is affecting the child, suggest the parents go to a family support centre: they help resolve family conflicts and draw up a plan of help for the family, including with mobile teams.
   *[other] In a long-running conflict a third party helps: a psychologist at a family support centre can help you hear each other and reach agreement. Try not to have it out in front of the children or drag them into the argument.
}
flow-family-advice-divorce = { $role ->
    [child] Divorce is a decision grown-ups make, and it is not your fault. Your mum and dad can both go on loving you. You can say that it's hard for you and ask to be listened to.
    [professional] In a divorce a child needs to know it isn't their fault and that they don't have to take sides; don't take sides yourself. If the child is struggling, suggest the parents go to a family support centre: a psychologist and a lawyer help there free of charge.
   *[other] In a divorce a child needs to know it isn't their fault and that they don't have to take sides. Try to agree calmly on how the child will spend time with each parent; if that doesn't work, a family support centre offers a psychologist and a lawyer free of charge.
}
flow-family-advice-parenting = { $role ->
    [child] Arguing with your parents is hard. Try to pick a calm moment and say how you feel: "I feel hurt when…". If that doesn't work, the school psychologist can help you find the words.
    [professional] If a family finds parenting hard, especially with a teenager, suggest the parents go to a family support centre: psychologists there give free advice. Teenagers have places of their own too: youth health centres and the <b>150</b> helpline.
   *[other] Parenting difficulties, especially with teenagers, are a common reason to visit a family support centre: psychologists there give free advice. Teenagers have places of their own too: youth health centres and the <b>150</b> helpline.
}
flow-family-advice-hardship = { $role ->
    [child] When a family is short of money, it is hard for the adults too, and it is not your fault. If you have nothing to eat or need help, tell a teacher or call <b>111</b>.
    [professional] Point the family to <b>1414</b>, the eGov contact centre (free call), for benefits and payments for children. A family support centre can help the family through a difficult situation and tell them what support is available; if a child goes without food or care, tell the guardianship body or <b>111</b>.
   *[other] For benefits and payments for children, call <b>1414</b>, the eGov contact centre (free call); the bot's menu also has a topic on payments. A family support centre can help you sort out a difficult situation and tell you what support is available.
}
flow-family-advice-unsafe = { $role ->
    [child] If someone at home gets hit or someone is scared, it's not just arguing any more — it's violence, and you don't have to put up with it. If it's dangerous now, call <b>112</b> or <b>102</b>. You can talk to someone at <b>150</b> or <b>111</b>.
    [professional] If someone in the family is afraid or it gets physical, it is no longer conflict but violence; since 2024 battery is a crime. If a child is in danger, call <b>102</b> or <b>112</b>; report what you know to your head and to the guardianship body, and write it down. <b>111</b> (day and night, anonymous) will point the family to a crisis centre: they help for free and can give women with children temporary shelter.
   *[other] If someone in the family is afraid or it gets physical, it is no longer conflict but violence; since 2024 battery is a crime. In danger, call <b>102</b> or <b>112</b>. <b>111</b> (day and night, anonymous) will point you to a crisis centre: they help for free and can give women with children temporary shelter.
}
flow-family-advice-centres = { $role ->
    [child] Who can help: the school psychologist, the <b>150</b> helpline and <b>111</b> — free, anonymous, day and night.
   *[other] <b>Family support centres</b> are run by the akimats: free psychological, legal and advisory help, and help resolving family conflicts. <b>111</b> (day and night, free) will tell you where the nearest centre is.
}


## 6. Children without parental care

flow-care-intro = { $role ->
    [child] Every child has the right to be cared for and to have a safe home. If something is wrong with that, tell me and I'll show you who can help.
   *[other] Guardianship, foster care and adoption are arranged by the guardianship bodies of the district and city akimats. A couple of questions, and I'll suggest where to start.
}
flow-care-q-what = { $role ->
    [professional] What is the situation?
   *[other] What would you like to know about?
}
flow-care-what-guardian = Becoming a guardian
flow-care-what-adopt = Adoption, foster family
flow-care-what-prof = Professional foster family
flow-care-what-alone = A child left without care
flow-care-q-kid = What is happening?
flow-care-kid-alone = Nobody takes care of me
flow-care-kid-family = I live with relatives or foster parents
flow-care-q-safe = { $role ->
    [child] Do you have somewhere safe to sleep tonight?
   *[other] Does the child have somewhere safe to sleep tonight?
}
flow-care-safe-yes = Yes
flow-care-safe-no = No

flow-care-advice-guardian = If a child has been left without parental care, a close adult — a relative, for example — can become their guardian. Guardianship is arranged by the guardianship body at the district or city akimat: go there, and they will explain the procedure and which documents to gather.
flow-care-advice-adopt = Adopting a child or taking one into a foster family goes through the guardianship body at the district or city akimat. They will tell you what forms of family care exist, who can become a foster parent and which documents are needed.
flow-care-advice-prof = Since 1 July 2025 there is a new form of care — the <b>professional foster family</b>. It can bring up to 4 children at a time (the limit doesn't apply to brothers and sisters); the carer must be 30 to 63 years old; the allowance is 10 MRP per child per month.
flow-care-advice-alone = { $role ->
    [professional] Report a child left without parental care to the guardianship body at the district or city akimat, and, if there are signs of an offence against the child, to the police (<b>102</b>). <b>111</b> takes such reports day and night and connects you with the guardianship body and the police.
   *[other] A child left without parental care must be reported to the guardianship body at the district or city akimat. If you don't know whom to call, call <b>111</b>: they will take the report and connect you with the guardianship body and the police.
}
flow-care-advice-nosafe = { $role ->
    [child] If you have nowhere safe to sleep, call <b>112</b> or <b>102</b> right now. You have the right to be protected, and none of this is your fault.
   *[other] If the child has nowhere safe to sleep tonight, this is an emergency: call <b>102</b> or <b>112</b> right now and don't leave the child alone.
}
flow-care-advice-kid_alone = If the adults don't take care of you — don't feed you, leave you alone, throw you out of home — that is not how it should be, and it is not your fault. Tell a teacher or the school psychologist, or call <b>111</b>: they will help and contact the people whose job is to protect children.
flow-care-advice-kid_family = If you live with relatives or foster parents and feel bad or scared there, you have the right to say so. Call <b>150</b> or <b>111</b> — they will listen and tell you what to do.
flow-care-advice-route = { $role ->
    [child] If you don't know whom to turn to, call <b>111</b>: day and night, free and anonymous. You can also talk to someone at <b>150</b>.
   *[other] <b>Where to go:</b> the guardianship body at your district or city akimat. If you don't know its address and phone number, call <b>111</b> (day and night, free): they will give you the contacts and, if needed, connect you with the guardianship body.
}


## 7. Special needs and inclusive education

flow-special_needs-intro = { $role ->
    [child] Everyone is different, and there are different ways to learn. Tell me what's worrying you and I'll show you who can help.
   *[other] Inclusive education means a child with special needs learns together with other children and gets the support they need. A couple of questions, and I'll tell you where to turn.
}
flow-special_needs-q-need = { $role ->
    [child] What's worrying you?
   *[other] What do you need help with?
}
flow-special_needs-need-assess = { $role ->
    [child] I want to know why it's hard for me
   *[other] Assessing the child's needs
}
flow-special_needs-need-school = { $role ->
    [child] Learning is hard for me
   *[other] Learning and support at school
}
flow-special_needs-need-refused = { $role ->
    [child] The school doesn't help
   *[other] The school refuses or doesn't help
}
flow-special_needs-need-support = { $role ->
    [child] I need support
   *[other] Support for the family
}
flow-special_needs-q-pmpk = Does the child have a PMPK report?
flow-special_needs-pmpk-yes = Yes
flow-special_needs-pmpk-no = No
flow-special_needs-pmpk-unknown = What is that?

flow-special_needs-advice-kid = If learning is hard for you, it doesn't mean you are worse than others. You may need a different kind of help — and you can get it. Talk to your parents, a teacher or the school psychologist: together you'll find ways to make learning easier.
flow-special_needs-advice-pmpk = <b>PMPK</b> is the psychological-medical-pedagogical consultation. There psychologists, doctors and teachers together assess the child's development and give recommendations: which programme the child should follow and what support they need. With these recommendations it's easier to agree with the school or kindergarten.
flow-special_needs-advice-school = { $role ->
    [professional] Arrange a meeting of the administration, the parents and the teachers and specialists who will work with the child, and agree how to follow the PMPK recommendations: the programme, help from specialists, arrangements in class. It's best to put what you agree in writing.
   *[other] Ask the school for a meeting with the administration, the school psychologist and the teachers who will work with your child, and discuss how to follow the PMPK recommendations: the programme, help from specialists, arrangements in class. It's best to put what you agree in writing.
}
flow-special_needs-advice-refused = { $role ->
    [professional] If the school refuses a child the support the PMPK recommended, tell the parents they can write to the head teacher, then to the education department. Complaints about violations of children's rights, including complaints about akimats, are considered by the <b>regional ombudsman for children's rights</b>: the regional akimat or <b>111</b> will help reach them.
   *[other] If the school refuses or doesn't give the support your child needs, write to the head teacher, then to the education department. Complaints about violations of children's rights, including complaints about akimats, are considered by the <b>regional ombudsman for children's rights</b>: the regional akimat or <b>111</b> will help you reach them.
}
flow-special_needs-advice-support = { $role ->
    [professional] Parents need support too: tell them they can talk to a psychologist free of charge at a family support centre at the akimat or at the regional psychological support centre. Specialists at the psychological-pedagogical support offices work with children.
   *[other] Parents need support too. You can talk to a psychologist free of charge at a family support centre at the akimat or at the regional psychological support centre. Specialists at the psychological-pedagogical support offices work with children.
}
flow-special_needs-advice-where = { $role ->
    [child] If someone hurts you or you feel bad, call <b>150</b> or <b>111</b>: they will listen and help.
    [professional] <b>Where to turn:</b> the PMPK in your region, the psychological-pedagogical support offices, the education department. If you don't know the contacts, call <b>111</b> (day and night, free).
   *[other] <b>Where to turn:</b> the PMPK in your region, the psychological-pedagogical support offices, the school (school psychologist, administration). If you don't know the contacts, call <b>111</b> (day and night, free).
}


## 8. Money and benefits

flow-benefits-intro = { $role ->
    [child] Every child who is a citizen of Kazakhstan has savings from the state: the National Fund for Children. Here's how it works.
   *[other] This is about two payments for children: the National Fund for Children and the childcare benefit up to 1.5 years. For other questions about payments, call <b>1414</b>.
}
flow-benefits-q-what = What would you like to know about?
flow-benefits-what-fund = National Fund for Children
flow-benefits-what-childcare = Childcare up to 1.5 years
flow-benefits-what-other = Other payments
flow-benefits-q-fq = { $role ->
    [child] What do you want to know?
   *[other] What would you like to know?
}
flow-benefits-fq-balance = How much has built up
flow-benefits-fq-use = { $role ->
    [child] When I can get it
   *[other] When and what it can be used for
}
flow-benefits-q-ins = { $role ->
    [professional] Does the parent work, with social contributions paid for them?
   *[other] Do you work, with social contributions paid for you?
}
flow-benefits-ins-yes = Yes
flow-benefits-ins-no = No
flow-benefits-ins-unsure = I don't know

flow-benefits-advice-fund = { $role ->
    [child] Since 1 January 2024, half of the National Fund's investment income is shared out equally every year among all children under 18 who are citizens of Kazakhstan. The money builds up in your account.
   *[other] <b>National Fund for Children</b>: since 1 January 2024, 50% of the National Fund's investment income is credited equally every year to each child citizen of Kazakhstan under 18. So far each child has been credited $100.52 (the first credit), $129.38 (credited in 2025) and $130.71 (for 2025); the balance with its investment income is at kids.enpf.kz.
}
flow-benefits-advice-fund_bal = { $role ->
    [child] You can see how much has built up at kids.enpf.kz with your IIN, in the eGov mobile app or in some banking apps. Ask your parents to help.
   *[other] <b>How to check the balance:</b> at kids.enpf.kz with the child's IIN, in the eGov mobile app or in some banking apps.
}
flow-benefits-advice-fund_use = { $role ->
    [child] The money can't be taken out early. When you turn 18, it becomes target savings at the ENPF pension fund, and you can spend it on housing or education.
   *[other] The money can't be withdrawn early. At 18 it becomes the young person's target savings at the ENPF and can be used for housing or education, through Otbasy Bank's platform enpf-otbasy.kz; a US-dollar account is needed.
}
flow-benefits-advice-cc_ins = { $role ->
    [professional] If social contributions were paid for the parent (they are covered by compulsory social insurance), the parent receives a <b>social payment</b>: 40% of their average income over the last 2 years — no less than the state allowance and no more than 40% of seven minimum wages.
   *[other] If social contributions were paid for you (you are covered by compulsory social insurance), you receive a <b>social payment</b>: 40% of your average income over the last 2 years — no less than the state allowance and no more than 40% of seven minimum wages.
}
flow-benefits-advice-cc_allow = { $role ->
    [professional] If no social contributions were paid for the parent, the family receives the <b>state allowance</b> for childcare up to 1.5 years. In 2026 it is 5.76 MRP (24,912 ₸) a month for the first child, 6.81 MRP (29,453 ₸) for the second, 7.85 MRP (33,951 ₸) for the third and 8.90 MRP (38,493 ₸) for the fourth and each next child; <b>1414</b> will answer the family's questions.
   *[other] If no social contributions were paid for you, you receive the <b>state allowance</b> for childcare up to 1.5 years. In 2026 it is 5.76 MRP (24,912 ₸) a month for the first child, 6.81 MRP (29,453 ₸) for the second, 7.85 MRP (33,951 ₸) for the third and 8.90 MRP (38,493 ₸) for the fourth and each next child; <b>1414</b> will answer your questions.
}
flow-benefits-advice-cc_apply = <b>How to apply:</b> under the Social Code (in force since 1 July 2023), apply within 18 months — through eGov, in a banking app or at a public service centre.
flow-benefits-advice-other = For other benefits and public services, call <b>1414</b>, the eGov contact centre (free call). If the family is in a difficult situation, a family support centre at the akimat can also help, free of charge.
flow-benefits-advice-1414 = { $role ->
    [child] If you still have questions, your parents can call <b>1414</b>, the eGov contact centre.
   *[other] Still have questions? <b>1414</b> is the eGov contact centre for public services and payments; the call is free.
}


## 9. My rights and complaints

flow-rights-intro = { $role ->
    [child] You have rights: to be protected, to learn, to be healthy and to be heard. Tell me what happened and I'll show you who can help.
   *[other] This is about children's rights and where to turn when they are violated: from the children's rights commissioners to the UN Committee.
}
flow-rights-q-what = What would you like to know about?
flow-rights-what-know = Children's rights
flow-rights-what-broken = A child's rights were violated
flow-rights-what-un = Complaint to the UN Committee
flow-rights-q-kid = What would you like to do?
flow-rights-kid-know = Learn my rights
flow-rights-kid-broken = My rights are being violated
flow-rights-kid-nohelp = I complained, nobody helped
flow-rights-q-tried = Where have you already turned?
flow-rights-tried-no = Nowhere yet
flow-rights-tried-org = School, hospital, akimat
flow-rights-tried-court = All the way to court

flow-rights-advice-crc = { $role ->
    [child] In 1994 Kazakhstan signed the UN Convention on the Rights of the Child and promised to follow it. That means you have rights: to be protected from violence, to learn, to be healthy, to rest, and to have your opinion heard by adults.
   *[other] Kazakhstan signed the UN Convention on the Rights of the Child on 16 February 1994 and ratified it on 8 June 1994. The Convention sets out a child's right to protection from all violence, to education and health, and to be heard in matters that affect them.
}
flow-rights-advice-ombuds = { $role ->
    [child] There are adults whose job is to protect children's rights: the Commissioner for Children's Rights for the whole country and commissioners in every region. <b>111</b> will tell you how to reach them.
   *[other] The <b>Commissioner for Children's Rights of the Republic of Kazakhstan</b> is Dinara Zakiyeva. We have not yet verified her office's contacts: ask <b>111</b> how to reach it. Since 2022 every region has a <b>regional ombudsman for children's rights</b>, who considers complaints about violations of children's rights, including complaints about akimats. The regional akimat or <b>111</b> will help you reach them.
}
flow-rights-advice-start = Start with a written complaint to the head of the organisation where the child's rights were violated (school, hospital, kindergarten), and keep a copy stamped as received. If that doesn't help, go to the higher authority and to the regional ombudsman for children's rights.
flow-rights-advice-un = <b>Complaint to the UN Committee on the Rights of the Child.</b> Kazakhstan ratified the Third Optional Protocol to the Convention by a law of 19 December 2023, so an individual complaint about a violation of a child's rights can be brought to the Committee. The condition: all remedies within the country must be used first. The Committee's views are recommendations to the state. It's best to prepare the complaint with a lawyer.
flow-rights-advice-first = Until the national routes are used up, the UN Committee will not consider the complaint. Start with the organisation that violated the rights, the regional ombudsman for children's rights and the courts.
flow-rights-advice-kid_broken = If you are hurt, kept from learning, not treated when ill or not listened to, your rights are being violated. Tell an adult you trust. Asking for help is the right thing to do.
flow-rights-advice-kid_nohelp = I'm sorry nobody helped. Don't give up: if one adult didn't help, turn to another. The children's rights ombudsman of your region considers complaints about violations of children's rights — even about the akimat.
flow-rights-advice-111 = { $role ->
    [child] Call <b>111</b> — day and night, free and anonymous — or write to them through the QR code in your school. If you feel bad, call <b>150</b>.
   *[other] <b>111</b> is the contact centre for family, women's and children's rights: day and night, free, anonymous; they give legal advice and help you reach the right authorities.
}
