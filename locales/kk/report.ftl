# Қызметкерлер тобындағы супервизорларға арналған сандар (src/bot/desk/report.ts), STAFF_LANG тілінде.

report-usage = /report today, /report week немесе /report month: бүгінгі, соңғы 7 немесе 30 күндегі сандар. /export немесе /export 2026-03: бір айдың сандары CSV файлымен.
report-title = 📊 <b>{ $from } – { $to } аралығындағы сандар</b> (Қазақстан уақытымен; есімсіз, хабарламасыз)
report-opened = Ашылған өтініштер: { $count }
report-by-risk = Қауіп бойынша: { $list }
report-by-how = Қалай басталды: { $list }
report-by-region = Өңірлер: { $list }
report-by-topic = Тақырыптар: { $list }
report-by-lang = Тілдер: { $list }
report-by-role = Кім жазды: { $list }
report-via-crisis = дағдарыс туралы хабарлама
report-via-flow = тақырып барысында
report-via-menu = мәзір не түйме
report-via-reopened = қайта жазды
report-via-checkin = хал сұрауға жауап
report-waits-title = <b>Неше минуттан кейін…</b> (медиана / өтініштердің 90%-ы, саны)
report-wait = { $median } / { $p90 } ({ $count })
report-wait-line = { $icon } { $risk }: алынды { $claim } · алғашқы жауап { $reply } · жабылды { $resolve }
report-outcomes = Нәтижелер: { $list }
report-categories = Жабылған өтініштердің тақырыптары: { $list }
report-ratings = Бағалар: { $list } · орташа { $average }
report-ratings-none = Бағалар: әзірге жоқ
report-checkins = Хал сұрау: ұсынылды { $offered } · қабылданды { $accepted } · жіберілді { $sent } · жауап келді { $answered }
report-campaigns = Плакаттар ({ $min } адамнан бастап көрсетіледі): { $list }; { $min }-нан аз белгілер: { $hidden }
report-export-caption = Сенім сандары, { $from } – { $to } (Қазақстан уақытымен): жасырын есептегіштер, CSV.
report-supervisors-only = Сандарды тек супервизорлар көре алады (SUPERVISOR_IDS).

# Іске қосылғанда қызметкерлер тобын тексеру (src/bot/desk/setup.ts), жалпы тақырыпта.
setup-title = ⚙️ <b>Сенім бұл топта әзірге толық жұмыс істей алмайды.</b> Мынаны түзетіңіз:
setup-not-forum = Топ баптауларында «Тақырыптарды» қосыңыз: әр өтініштің өз тақырыбы болады.
setup-not-admin = Ботты «Тақырыптарды басқару» құқығы бар әкімші етіңіз.
setup-no-topics-right = Ботқа «Тақырыптарды басқару» әкімші құқығын беріңіз.
setup-unreachable = Бот топта жоқ.
setup-cannot-post = Ботқа топта жазуға тыйым салынған.
setup-first-run =
    ⚙️ Сенім әлі қызметкерлер тобына қосылмаған. Бұл топты операторлардың жұмыс орнына айналдыру үшін:
    1. Топ баптауларында «Тақырыптарды» қосыңыз.
    2. <code>OPERATOR_CHAT_ID={ $group }</code> мәнін орнатып, ботты қайта іске қосыңыз.
    3. Ботты «Тақырыптарды басқару» құқығы бар әкімші ретінде қайта қосыңыз.
    Мені қосқан адамның id-і: <code>{ $user }</code> (ол супервизор болса, <code>SUPERVISOR_IDS</code> үшін). Оған дейін топтан шығамын.
setup-your-id = Сіздің Telegram id-іңіз: <code>{ $user }</code> (<code>SUPERVISOR_IDS</code> үшін). Бұл топ: <code>{ $group }</code>.

# Қызметкерлер тобының командалары (src/bot/commands.ts).
cmd-staff-report = Сандар: бүгін, апта немесе ай (супервизорлар)
cmd-staff-export = Бір айдың сандары CSV файлымен (супервизорлар)
cmd-staff-id = Сіздің Telegram id-іңіз (SUPERVISOR_IDS үшін)
