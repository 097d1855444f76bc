# Senim — core texts (English). Topic flows: en/flows.ftl; directory cards: en/directory.ftl.

lang-button-kk = Қазақша
lang-button-ru = Русский
lang-button-en = English

start-greeting =
    Hello! I am <b>Senim</b>. I help children and parents find the right help: where to turn, who helps for free, and what to do when someone is in danger.

    Choose a language:
language-ask = Choose a language:
language-changed = All right, we'll talk in English now.

role-ask = Who is writing? Then I can answer in the way that suits you.
role-child = 🧒 I'm a child / teenager
role-parent = 👪 I'm a parent or caregiver
role-professional = 🧑‍🏫 I'm a professional (teacher, psychologist, social worker)
role-welcome-child = I'm glad you're here. Nobody here will tell you off. Choose what is worrying you and we'll find a way together.
role-welcome-parent = Thank you. I'll show the services that fit your situation, with their phones and hours.
role-welcome-professional = Thank you. I'll show where to refer a child and what the law says.

menu-title = What would you like to talk about? Choose a topic or write in your own words.
menu-topic-danger = 🆘 Danger right now
menu-topic-violence = 🏠 Violence at home
menu-topic-bullying = 📱 Bullying, cyberbullying, threats
menu-topic-feeling_bad = 💙 Feeling bad, anxious
menu-topic-family = 👪 Family difficulties
menu-topic-care = 🤝 Children without parental care
menu-topic-special_needs = 🧩 Special needs, inclusive education
menu-topic-benefits = 💰 Money and benefits
menu-topic-rights = ⚖️ My rights and complaints
menu-person = 🙋 Talk to a person
menu-near = 📍 Find help near me
menu-language = 🌐 Language
menu-privacy = 🔒 Privacy
back-to-menu = ☰ Back to menu

topic-coming = The "{ $topic }" section is still being prepared. Until then, call these numbers — they will help you there:

emergency-numbers =
    <b>112</b> — if someone's life or safety is at risk (police 102, ambulance 103). 24/7, free.
    <b>150</b> — the national helpline for children and young people: they listen and help with any trouble.
    <b>111</b> — contact centre for family, women's and children's rights. 24/7, free, and you don't have to give your name.

cancel-done = Stopped. You can choose another topic.
cancel-nothing = There is nothing to stop right now.

help-text =
    <b>Senim</b> shows children and families where to find help.
    • Choose a topic, or write in your own words what happened.
    • If you write about danger, I give you the emergency numbers first.

    /menu — topics
    /language — change the language
    /cancel — stop what is running
    /privacy — what is kept
    /hide — quick exit, delete this chat
    /forget — erase everything about me

privacy-text =
    <b>What I keep</b>
    • Not the number Telegram gives this chat (the chat id), but an anonymous code made from it. I never see your phone number at all.
    • Your language, role (child, parent, professional) and region — for 90 days after your last message.
    • Which question of a topic you stopped at, and a location you sent (rounded to about 1 km) — for 24 hours.
    • If you asked for an operator — the request and its messages: while it is open and for 30 days after it is closed. If you asked me to check on you later — only the day to write, until I write.
    The text of your messages, your name and your Telegram id never go into the logs.

    <b>How to erase it</b>
    /forget — erases everything kept about you at once.
    /hide — quick exit: deletes the messages of this chat (if someone might see your phone).

forget-confirm = Erase everything kept about you (language, role, region, open topic, requests to operators and their messages)? This cannot be undone.
forget-yes = Yes, erase everything
forget-no = No, keep it
forget-done = Erased. Nothing about you is kept. To start again, press /start.
forget-kept = All right, nothing was erased.

person-by-phone = The chat with operators is not connected yet. If you want to talk to a real person right now, call — trained people answer on these lines:

stale-button = This button is from an old message. Let's go on from here:
stale-button-short = This button is out of date
flow-restart = ↻ Start "{ $topic }" again
unknown-command = I don't know that command.
free-text-invite = Thank you for writing. To find the right help, choose one of the topics below.
media-unsupported = For now I can only read text: I don't understand voice messages, stickers or photos. Write in words what happened, or call:
# Read by anyone in a group (no role is known there).
group-not-here = Senim works in private chats only. If you need help, write to me directly.
error-apology = Sorry, something went wrong. Try again or press /menu. If you need help right now:

flow-back = ◀ Back
flow-menu = ☰ Menu
flow-cancel = ✖ Cancel
flow-left = All right, we stopped. Come back whenever you need.
flow-resume = ▶ Continue
flow-stale-button = This button is from an old message. Please answer the last question:
flow-choose-button = Choose one of the buttons below. To write about something else, press /menu.
flow-region-ask = Which region are you in? I'll show the services there first.
flow-region-skip = I'd rather not say — national services only
region-prev = ◀ Previous
region-next = Next ▶
flow-referrals-title = <b>Where you can turn:</b>

cmd-start = Start over, choose a language
cmd-menu = Menu of topics
cmd-help = Help and emergency numbers
cmd-language = Change the language
cmd-cancel = Stop what is running
cmd-privacy = What is kept
cmd-forget = Erase everything about me

near-share-location = 📍 Send my location
near-ask-location = To show help near you, send your location with the button below. It is kept only roughly (to about 1 km) and for 24 hours.
near-ask-region = Or choose your region:
near-region-set = Region: { $region }. You can change it at any time.
near-region-chosen = All right, I'll show this region's services first.
near-location-received = Thank you. I'll show the nearest services first.
near-ask-topic = What kind of help do you need?
near-change-region = 🔄 Change region
near-outside = This place seems to be outside Kazakhstan. Please choose a region from the list.

flood = You are writing very fast, so I did not read your last messages. Wait a few seconds and send again what matters. If you are in danger, don't wait:
degraded = Senim is restarting and will be back in a minute. Please write again shortly. If you need help now, call:
degraded-short = Back in a minute
start-greeting-degraded = Hello! I am <b>Senim</b>. I'm restarting right now and will be back in a minute. If you need help now, call:

cmd-hide = Quick exit: delete this chat and clear it
hide-neutral = Hi!
