# The answer to words typed before a role is chosen (src/bot/features/role.ts): the question again.

role-ask-again = To help you properly, I first need to know who you are — choose below:
