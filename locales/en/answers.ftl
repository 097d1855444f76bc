# Typed answers and languages (issue 16): new keys of this area live here.

# Offered in the language the user writes in, when it is not the chosen one.
language-offer = It looks like you're writing in English. Shall we switch to English?
language-offer-button = Yes, English

# Under referral cards that say choosing a region would show local services.
answers-choose-region = 📍 Choose my region

# A shared location placed in a region: the user confirms it.
answers-location-confirm = The location you sent is in { $region }. Is that right?
answers-location-yes = ✅ Yes, that's right
answers-location-other = Another region
