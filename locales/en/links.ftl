# A poster's deep link (src/bot/features/start.ts). The role is not known yet: neutral, polite.

start-region-from-link = 📍 Region: { $region } (from the link you opened). I'll show this region's services first; you can change it at any time with “{ menu-near }” in the menu.

# The poster kit (npm run poster, src/cli/poster.ts): a school poster read by children. Informal.
poster-title = Need help? Write to me.
poster-scan = Point your phone's camera at the code: Senim opens in Telegram.
poster-anonymous = You don't have to give your name.
poster-danger = In danger right now: 112
poster-150 = 150 — helpline of trust for children and young people
poster-111 = 111 — family and children's rights, 24/7, free
