# Typed answers and languages (issue 16): new keys of this area live here.

# Offered in the language the user writes in, when it is not the chosen one.
language-offer = { $role ->
    [child] Қазақша жазып отырған сияқтысың. Қазақ тіліне ауысайық па?
   *[other] Қазақша жазып отырған сияқтысыз. Қазақ тіліне ауысайық па?
}
language-offer-button = Иә, қазақша

# Under referral cards that say choosing a region would show local services.
answers-choose-region = 📍 Өңірімді таңдау
