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
