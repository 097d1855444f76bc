# Өтінішті қысқа диалогпен жабу (src/bot/desk/resolve.ts): нәтиже → санат → қалауынша ішкі
# жазба. Қызметкерлерге арналған мәтіндер, STAFF_LANG тілінде.

staff-resolve-step-outcome = ✅ <b>№{ $id } өтінішті жабу</b> ({ $name }) · 3 қадамның 1-қадамы: нәтижесі қандай?
staff-resolve-step-category =
    ✅ <b>№{ $id } өтінішті жабу</b> ({ $name }) · 3 қадамның 2-қадамы: өтініш не туралы болды?
    Нәтиже: { $outcome }
staff-resolve-step-subcategory =
    ✅ <b>№{ $id } өтінішті жабу</b> ({ $name }) · 3 қадамның 2-қадамы: { $top } — нақтырақ айтқанда?
    Нәтиже: { $outcome }
staff-resolve-step-note =
    ✅ <b>№{ $id } өтінішті жабу</b> ({ $name }) · 3 қадамның 3-қадамы: ішкі жазба қосасыз ба? Оны осында келесі хабарламаңызбен жазыңыз: ол қызметкерлерде қалады, пайдаланушыға <b>жіберілмейді</b>. Немесе «Жазбасыз жабу» батырмасын басыңыз.
    Нәтиже: { $outcome } · Санат: { $category }
staff-resolve-done = ✅ №{ $id } өтініш жабылды ({ $name }): { $outcome } · { $category }{ $note }
staff-resolve-noted = {" "}· 📝 ішкі жазба сақталды
staff-resolve-cancelled = №{ $id } өтінішті жабу тоқтатылды: өтініш бұрынғы күйінде қалды.
staff-resolve-already = Осы арада №{ $id } өтінішті әріптесіңіз жауып қойды: ештеңе өзгертілген жоқ, таңдауыңыз бен жазбаңыз сақталмады.
staff-resolve-reopened = Осы арада №{ $id } өтініштің пайдаланушысы қайта жазып, өтініш қайта ашылды: ол жабылған жоқ, жазбаңыз сақталмады. Оны жабу үшін карточкадағы «Жабу» батырмасын қайта басыңыз.
staff-resolve-gone = №{ $id } өтініш енді жоқ (пайдаланушы деректерін өшірді): ештеңе жабылған да, сақталған да жоқ.
staff-resolve-expired = Мұнда сіздің жабу диалогыңыз жүріп жатқан жоқ: ол аяқталды, тоқтатылды немесе { $minutes } минут бойы жауапсыз қалды, не бұл әріптесіңіздің батырмалары. Қайта бастау үшін өтініш карточкасындағы «Жабу» батырмасын басыңыз.
staff-resolve-old-button = Бұл батырма алдыңғы қадамнан қалған: соңғы қадамның батырмаларын пайдаланыңыз.
staff-resolve-in-progress = Сіз бұл өтінішті жабып жатырсыз: диалог осы тақырыпта.
staff-resolve-busy = Сіз осы тақырыпта №{ $id } өтінішті жабып жатырсыз: алдымен соны аяқтаңыз немесе тоқтатыңыз.
staff-btn-resolve-now = ✅ Жазбасыз жабу
staff-card-resolution = Жабылды: { $outcome } · { $category }{ $note }
staff-card-noted = {" "}· 📝 ішкі жазба бар

report-reasons = Жабылған өтініштердің санаттары: { $list }
report-reason-details = Толығырақ: { $list }

# Өтініш санаттары (src/cases/categories.ts), Child Helpline International деректер жүйесі бойынша.
staff-cat-violence = Зорлық-зомбылық
staff-cat-violence-physical = Физикалық зорлық-зомбылық
staff-cat-violence-emotional = Психологиялық зорлық-зомбылық
staff-cat-violence-neglect = Баланың қажеттіліктерін елемеу
staff-cat-violence-domestic = Отбасындағы зорлық-зомбылық (куәсі)
staff-cat-violence-exploitation = Бала еңбегі, адам саудасы
staff-cat-violence-other = Басқа
staff-cat-sexual_abuse = Жыныстық зорлық-зомбылық
staff-cat-sexual_abuse-contact = Жыныстық зорлық (желіден тыс)
staff-cat-sexual_abuse-online = Желідегі жыныстық зорлық
staff-cat-sexual_abuse-exploitation = Жыныстық қанау
staff-cat-sexual_abuse-other = Басқа
staff-cat-bullying = Қудалау (буллинг)
staff-cat-bullying-school = Мектепте
staff-cat-bullying-online = Кибербуллинг
staff-cat-bullying-other = Басқа
staff-cat-mental_health = Психикалық денсаулық
staff-cat-mental_health-anxiety = Қорқыныш, мазасыздық
staff-cat-mental_health-mood = Көңіл-күйдің түсуі, мұң
staff-cat-mental_health-self_harm = Өзіне зақым келтіру
staff-cat-mental_health-suicidal = Өз-өзіне қол жұмсау ойы не әрекеті
staff-cat-mental_health-substances = Алкоголь, есірткі, тәуелділік
staff-cat-mental_health-eating = Тамақтанудағы қиындықтар
staff-cat-mental_health-other = Басқа
staff-cat-family = Отбасы
staff-cat-family-parents = Ата-ана немесе қамқоршы
staff-cat-family-separation = Ата-ананың ажырасуы
staff-cat-family-care = Қорғаншылық, қабылдаушы отбасы, бала асырап алу
staff-cat-family-siblings = Бауырлар
staff-cat-family-other = Басқа
staff-cat-peers = Достар және қарым-қатынас
staff-cat-peers-friends = Достық
staff-cat-peers-partner = Махаббат қарым-қатынасы
staff-cat-peers-other = Басқа
staff-cat-school = Мектеп және оқу
staff-cat-school-studies = Оқу, емтихандар
staff-cat-school-teachers = Мұғалімдер, мектептегі қиындықтар
staff-cat-school-other = Басқа
staff-cat-health = Дене саулығы
staff-cat-health-physical = Ауру, жалпы денсаулық
staff-cat-health-sexual = Жыныстық және репродуктивті денсаулық
staff-cat-health-pregnancy = Жүктілік
staff-cat-health-other = Басқа
staff-cat-rights = Құқықтар және кемсітушілік
staff-cat-rights-discrimination = Кемсітушілік
staff-cat-rights-legal = Заңгерлік сұрақтар
staff-cat-rights-needs = Негізгі қажеттіліктер, құжаттар, жәрдемақы
staff-cat-rights-other = Басқа
staff-cat-information = Ақпарат
staff-cat-information-service = Сенім туралы
staff-cat-information-other_services = Басқа қызметтер туралы
staff-cat-information-parents = Ата-ананың сұрағы
staff-cat-information-other = Басқа
staff-cat-no_issue = Кеңес емес
staff-cat-no_issue-abusive = Балағат сөз
staff-cat-no_issue-prank = Әзіл, тексеру
staff-cat-no_issue-silent = Үндемеді, ештеңе жазбады
staff-cat-no_issue-thanks = Тек алғыс
