# Referral cards of the help directory (src/directory/card.ts). Every key starts with dir-.

dir-phone = Phone: { $phones }
dir-website = Website: { $url }
dir-email = E-mail: { $email }
dir-address = Address: { $address }
# Shown instead of contacts nobody has verified yet.
dir-route = How to reach them: { $route }

dir-hours = Hours: { $hours }
dir-hours-247 = around the clock
dir-hours-unknown = not known
dir-open-now = open now
dir-closed-now = closed now
dir-closed-opens = closed now, opens { $day } at { $time }

dir-day-mon = Monday
dir-day-tue = Tuesday
dir-day-wed = Wednesday
dir-day-thu = Thursday
dir-day-fri = Friday
dir-day-sat = Saturday
dir-day-sun = Sunday
dir-day-short-mon = Mon
dir-day-short-tue = Tue
dir-day-short-wed = Wed
dir-day-short-thu = Thu
dir-day-short-fri = Fri
dir-day-short-sat = Sat
dir-day-short-sun = Sun

dir-free-yes = Free
dir-free-no = May charge a fee
dir-free-unknown = Cost not known
dir-anon-yes = you can stay anonymous
dir-anon-no = not anonymous
dir-anon-unknown = anonymity not known

dir-distance = About { $km } km from you
dir-distance-centre = About { $km } km to the centre of the region ({ $place })
dir-checked = Checked on { $date }

dir-regional-hint = These services work across the whole country. Choose your region or share your location, and I will show services near you as well.
dir-none = I found no service for this. Call 111: it is free, works around the clock and will tell you where to turn.
