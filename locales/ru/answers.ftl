# Typed answers and languages (issue 16): new keys of this area live here.

# Offered in the language the user writes in, when it is not the chosen one.
language-offer = { $role ->
    [child] Похоже, ты пишешь по-русски. Перейдём на русский?
   *[other] Похоже, вы пишете по-русски. Перейдём на русский?
}
language-offer-button = Да, по-русски

# Under referral cards that say choosing a region would show local services.
answers-choose-region = 📍 Выбрать мой регион

# A shared location placed in a region: the user confirms it.
answers-location-confirm = { $role ->
    [child] Похоже, ты здесь: { $region }. Верно?
   *[other] Похоже, вы здесь: { $region }. Верно?
}
answers-location-yes = ✅ Да, верно
answers-location-other = Другой регион
