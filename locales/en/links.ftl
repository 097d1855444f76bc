# A poster's deep link (src/bot/features/start.ts). The role is not known yet: neutral, polite.

start-region-from-link = 📍 Region: { $region } (from the link you opened). I'll show this region's services first; you can change it at any time with “{ menu-near }” in the menu.
