# Цифры для супервизоров в группе сотрудников (src/bot/desk/report.ts), на языке STAFF_LANG.

report-usage = /report today, /report week или /report month: цифры за сегодня, за последние 7 или 30 дней. /export или /export 2026-03: цифры за месяц файлом CSV.
report-title = 📊 <b>Цифры за { $from } – { $to }</b> (дни по времени Казахстана; без имён и сообщений)
report-opened = Открыто обращений: { $count }
report-by-risk = По риску: { $list }
report-by-how = Как начались: { $list }
report-by-region = Регионы: { $list }
report-by-topic = Темы: { $list }
report-by-lang = Языки: { $list }
report-by-role = Кто писал: { $list }
report-via-crisis = кризисное сообщение
report-via-flow = во время темы
report-via-menu = меню или кнопка
report-via-reopened = написал снова
report-via-checkin = ответ на проверку
report-waits-title = <b>Минут до…</b> (медиана / 90% обращений, сколько)
report-wait = { $median } / { $p90 } ({ $count })
report-wait-line = { $icon } { $risk }: взято { $claim } · первый ответ { $reply } · закрыто { $resolve }
report-outcomes = Итоги: { $list }
report-categories = Темы закрытых обращений: { $list }
report-ratings = Оценки: { $list } · в среднем { $average }
report-ratings-none = Оценки: пока нет
report-checkins = Проверки: предложено { $offered } · принято { $accepted } · отправлено { $sent } · получен ответ { $answered }
report-campaigns = Плакаты (показаны от { $min } человек): { $list }; меток меньше { $min }: { $hidden }
report-export-caption = Цифры Сенім за { $from } – { $to } (дни по времени Казахстана): анонимные счётчики, CSV.
report-supervisors-only = Цифры доступны только супервизорам (SUPERVISOR_IDS).
