# Typed answers and languages (issue 16): new keys of this area live here.

# Offered in the language the user writes in, when it is not the chosen one.
language-offer = { $role ->
    [child] Қазақша жазып отырған сияқтысың. Қазақ тіліне ауысайық па?
   *[other] Қазақша жазып отырған сияқтысыз. Қазақ тіліне ауысайық па?
}
language-offer-button = Иә, қазақша

# Under referral cards that say choosing a region would show local services.
answers-choose-region = 📍 Өңірімді таңдау

# A shared location placed in a region: the user confirms it.
answers-location-confirm = { $role ->
    [child] Жіберген орның: { $region }. Дұрыс па?
   *[other] Жіберген орныңыз: { $region }. Дұрыс па?
}
answers-location-yes = ✅ Иә, дұрыс
answers-location-other = Басқа өңір
