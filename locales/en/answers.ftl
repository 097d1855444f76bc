# Typed answers and languages (issue 16): new keys of this area live here.

# Offered in the language the user writes in, when it is not the chosen one.
language-offer = It looks like you're writing in English. Shall we switch to English?
language-offer-button = Yes, English

# Under referral cards that say choosing a region would show local services.
answers-choose-region = 📍 Choose my region
