# Закрытие обращения коротким диалогом (src/bot/desk/resolve.ts): итог → категория →
# внутренняя заметка по желанию. Тексты для сотрудников, на языке STAFF_LANG.

staff-resolve-step-outcome = ✅ <b>Закрытие обращения #{ $id }</b> ({ $name }) · шаг 1 из 3: каков итог?
staff-resolve-step-category =
    ✅ <b>Закрытие обращения #{ $id }</b> ({ $name }) · шаг 2 из 3: о чём было обращение?
    Итог: { $outcome }
staff-resolve-step-subcategory =
    ✅ <b>Закрытие обращения #{ $id }</b> ({ $name }) · шаг 2 из 3: { $top } — а точнее?
    Итог: { $outcome }
staff-resolve-step-note =
    ✅ <b>Закрытие обращения #{ $id }</b> ({ $name }) · шаг 3 из 3: внутренняя заметка? Напишите её здесь следующим сообщением: она останется у сотрудников и <b>не</b> уйдёт пользователю. Или нажмите «Закрыть без заметки».
    Итог: { $outcome } · Категория: { $category }
staff-resolve-done = ✅ Обращение #{ $id } закрыто ({ $name }): { $outcome } · { $category }{ $note }
staff-resolve-noted = {" "}· 📝 внутренняя заметка сохранена
staff-resolve-cancelled = Закрытие обращения #{ $id } отменено: обращение осталось как было.
staff-resolve-already = Обращение #{ $id } тем временем закрыл коллега: ничего не изменено, ваш выбор и заметка не сохранены.
staff-resolve-reopened = Пользователь обращения #{ $id } тем временем написал снова, и обращение открыто заново: оно не закрыто, заметка не сохранена. Чтобы закрыть его, снова нажмите «Закрыть» на карточке.
staff-resolve-gone = Обращения #{ $id } больше нет (пользователь стёр свои данные): ничего не закрыто и не сохранено.
staff-resolve-expired = Здесь не идёт ваш диалог закрытия: он завершён, отменён или остался без ответа { $minutes } минут, либо это кнопки коллеги. Чтобы начать заново, нажмите «Закрыть» на карточке обращения.
staff-resolve-old-button = Эта кнопка с прошлого шага: воспользуйтесь кнопками последнего шага.
staff-resolve-in-progress = Вы уже закрываете это обращение: диалог — в этой теме.
staff-resolve-busy = Вы закрываете обращение #{ $id } в этой теме: сначала завершите или отмените это.
staff-btn-resolve-now = ✅ Закрыть без заметки
staff-card-resolution = Закрыто: { $outcome } · { $category }{ $note }
staff-card-noted = {" "}· 📝 есть внутренняя заметка

report-reasons = Категории закрытых обращений: { $list }
report-reason-details = Подробно: { $list }

# Категории обращения (src/cases/categories.ts), по схеме данных Child Helpline International.
staff-cat-violence = Насилие
staff-cat-violence-physical = Физическое насилие
staff-cat-violence-emotional = Психологическое насилие
staff-cat-violence-neglect = Пренебрежение нуждами ребёнка
staff-cat-violence-domestic = Насилие в семье (свидетель)
staff-cat-violence-exploitation = Детский труд, торговля людьми
staff-cat-violence-other = Другое
staff-cat-sexual_abuse = Сексуальное насилие
staff-cat-sexual_abuse-contact = Сексуальное насилие (не в сети)
staff-cat-sexual_abuse-online = Сексуальное насилие в сети
staff-cat-sexual_abuse-exploitation = Сексуальная эксплуатация
staff-cat-sexual_abuse-other = Другое
staff-cat-bullying = Травля (буллинг)
staff-cat-bullying-school = В школе
staff-cat-bullying-online = Кибербуллинг
staff-cat-bullying-other = Другое
staff-cat-mental_health = Психическое здоровье
staff-cat-mental_health-anxiety = Страх, тревога
staff-cat-mental_health-mood = Подавленность, грусть
staff-cat-mental_health-self_harm = Самоповреждение
staff-cat-mental_health-suicidal = Суицидальные мысли или попытка
staff-cat-mental_health-substances = Алкоголь, наркотики, зависимости
staff-cat-mental_health-eating = Проблемы с питанием
staff-cat-mental_health-other = Другое
staff-cat-family = Семья
staff-cat-family-parents = Родители или опекуны
staff-cat-family-separation = Развод, расставание родителей
staff-cat-family-care = Опека, приёмная семья, усыновление
staff-cat-family-siblings = Братья и сёстры
staff-cat-family-other = Другое
staff-cat-peers = Друзья и отношения
staff-cat-peers-friends = Дружба
staff-cat-peers-partner = Романтические отношения
staff-cat-peers-other = Другое
staff-cat-school = Школа и учёба
staff-cat-school-studies = Учёба, экзамены
staff-cat-school-teachers = Учителя, проблемы в школе
staff-cat-school-other = Другое
staff-cat-health = Физическое здоровье
staff-cat-health-physical = Болезнь, общее здоровье
staff-cat-health-sexual = Сексуальное и репродуктивное здоровье
staff-cat-health-pregnancy = Беременность
staff-cat-health-other = Другое
staff-cat-rights = Права и дискриминация
staff-cat-rights-discrimination = Дискриминация
staff-cat-rights-legal = Юридические вопросы
staff-cat-rights-needs = Базовые нужды, документы, пособия
staff-cat-rights-other = Другое
staff-cat-information = Информация
staff-cat-information-service = О Сенім
staff-cat-information-other_services = О других службах
staff-cat-information-parents = Вопрос родителя
staff-cat-information-other = Другое
staff-cat-no_issue = Не консультация
staff-cat-no_issue-abusive = Оскорбления
staff-cat-no_issue-prank = Шутка, проверка
staff-cat-no_issue-silent = Молчание, ничего не написано
staff-cat-no_issue-thanks = Только благодарность
