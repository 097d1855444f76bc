# The bot's profile (src/bot/profile.ts): the name and description seen before pressing Start.
# Nobody's role is known yet. The hours and cost of 150 are not confirmed (kz-services.md), so
# it is only said what the line is.

bot-name = Senim — help for children and families
bot-description =
    Senim helps children and parents in Kazakhstan find help: where to turn, who helps for free, and what to do when someone is in danger. In Kazakh, Russian and English.

    In danger:
    112 — emergency services: 24/7, free
    150 — the national helpline for children and young people
    111 — contact centre for family, women's and children's rights: 24/7, free, no need to give a name
bot-short-description = I help find help. In danger — 112. Helpline for children and young people — 150. Family and children's rights — 111.
