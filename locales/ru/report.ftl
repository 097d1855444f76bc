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

# Проверка группы сотрудников при запуске (src/bot/desk/setup.ts), в общей теме.
setup-title = ⚙️ <b>Сенім пока не может полноценно работать в этой группе.</b> Исправьте, пожалуйста:
setup-not-forum = Включите «Темы» в настройках группы: у каждого обращения своя тема.
setup-not-admin = Сделайте бота администратором с правом «Управление темами».
setup-no-topics-right = Дайте боту право администратора «Управление темами».
setup-unreachable = Бота нет в группе.
setup-cannot-post = Боту запрещено писать в группе.
setup-first-run =
    ⚙️ Сенім ещё не подключён к группе сотрудников. Чтобы эта группа стала рабочим местом операторов:
    1. Включите «Темы» в настройках группы.
    2. Укажите <code>OPERATOR_CHAT_ID={ $group }</code> и перезапустите бота.
    3. Снова добавьте бота администратором с правом «Управление темами».
    Id того, кто меня добавил: <code>{ $user }</code> (для <code>SUPERVISOR_IDS</code>, если это супервизор). До тех пор я выхожу из группы.
setup-your-id = Ваш Telegram id: <code>{ $user }</code> (для <code>SUPERVISOR_IDS</code>). Эта группа: <code>{ $group }</code>.

# Список команд группы сотрудников (src/bot/commands.ts).
cmd-staff-report = Цифры: за сегодня, неделю или месяц (супервизоры)
cmd-staff-export = Цифры за месяц файлом CSV (супервизоры)
cmd-staff-id = Ваш Telegram id (для SUPERVISOR_IDS)
