# Карточки служб из справочника помощи (src/directory/card.ts). Все ключи начинаются с dir-.

dir-phone = Телефон: { $phones }
dir-website = Сайт: { $url }
dir-email = Эл. почта: { $email }
dir-address = Адрес: { $address }
# Показывается вместо контактов, которые ещё никто не проверил.
dir-route = Как связаться: { $route }

dir-hours = Часы работы: { $hours }
dir-hours-247 = круглосуточно
dir-hours-unknown = неизвестны
dir-open-now = сейчас открыто
dir-closed-now = сейчас закрыто
dir-closed-opens = сейчас закрыто, откроется: { $day }, { $time }

dir-day-mon = понедельник
dir-day-tue = вторник
dir-day-wed = среда
dir-day-thu = четверг
dir-day-fri = пятница
dir-day-sat = суббота
dir-day-sun = воскресенье
dir-day-short-mon = Пн
dir-day-short-tue = Вт
dir-day-short-wed = Ср
dir-day-short-thu = Чт
dir-day-short-fri = Пт
dir-day-short-sat = Сб
dir-day-short-sun = Вс

dir-free-yes = Бесплатно
dir-free-no = Может быть платно
dir-free-unknown = Стоимость неизвестна
dir-anon-yes = можно анонимно
dir-anon-no = не анонимно
dir-anon-unknown = анонимность неизвестна

dir-distance = Примерно в { $km } км
dir-distance-centre = Около { $km } км до центра региона ({ $place })
dir-checked = Проверено: { $date }

# Cards are read by a child and an adult alike: their lines address nobody (no ты, no вы).
dir-regional-hint = Это службы для всей страны. Если выбрать регион или отправить геолокацию, я покажу и службы поблизости.
dir-none = Подходящей службы не нашлось. Можно позвонить в 111: это бесплатно, круглосуточно, там подскажут, куда обратиться.
