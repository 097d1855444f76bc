# Көмек анықтамалығындағы қызметтердің карточкалары (src/directory/card.ts). Барлық кілттер dir- деп басталады.

dir-phone = Телефон: { $phones }
dir-website = Сайт: { $url }
dir-email = Электрондық пошта: { $email }
dir-address = Мекенжайы: { $address }
# Әлі ешкім тексермеген байланыс деректерінің орнына көрсетіледі.
dir-route = Қалай хабарласуға болады: { $route }

dir-hours = Жұмыс уақыты: { $hours }
dir-hours-247 = тәулік бойы
dir-hours-unknown = белгісіз
dir-open-now = қазір ашық
dir-closed-now = қазір жабық
dir-closed-opens = қазір жабық, ашылатын уақыты: { $day }, { $time }

dir-day-mon = дүйсенбі
dir-day-tue = сейсенбі
dir-day-wed = сәрсенбі
dir-day-thu = бейсенбі
dir-day-fri = жұма
dir-day-sat = сенбі
dir-day-sun = жексенбі
dir-day-short-mon = Дс
dir-day-short-tue = Сс
dir-day-short-wed = Ср
dir-day-short-thu = Бс
dir-day-short-fri = Жм
dir-day-short-sat = Сб
dir-day-short-sun = Жс

dir-free-yes = Тегін
dir-free-no = Ақылы болуы мүмкін
dir-free-unknown = Құны белгісіз
dir-anon-yes = аты-жөнін айтпай-ақ хабарласуға болады
dir-anon-no = анонимді емес
dir-anon-unknown = анонимдігі белгісіз

dir-distance = Шамамен { $km } км жерде
dir-distance-centre = Өңір орталығына ({ $place }) дейін шамамен { $km } км
dir-checked = Тексерілген күні: { $date }

# Cards are read by a child and an adult alike: their lines address nobody (no сен, no сіз).
dir-regional-hint = Бұлар — бүкіл ел бойынша жұмыс істейтін қызметтер. Өңір таңдалса немесе орын жіберілсе, жақын маңдағы қызметтерді де көрсетемін.
dir-none = Бұл сұрақ бойынша қызмет таба алмадым. 111 нөміріне қоңырау шалуға болады: қоңырау тегін, орталық тәулік бойы жұмыс істейді, қайда жүгіну керегін айтады.
