# Resolving a case as a short dialogue (src/bot/desk/resolve.ts): outcome → category → an
# optional internal note. Staff texts, in STAFF_LANG.

staff-resolve-step-outcome = ✅ <b>Resolving case #{ $id }</b> ({ $name }) · step 1 of 3: what was the outcome?
staff-resolve-step-category =
    ✅ <b>Resolving case #{ $id }</b> ({ $name }) · step 2 of 3: what was the case about?
    Outcome: { $outcome }
staff-resolve-step-subcategory =
    ✅ <b>Resolving case #{ $id }</b> ({ $name }) · step 2 of 3: { $top } — more exactly?
    Outcome: { $outcome }
staff-resolve-step-note =
    ✅ <b>Resolving case #{ $id }</b> ({ $name }) · step 3 of 3: an internal note? Write it here as your next message: it is kept for staff and is <b>not</b> sent to the user. Or press "Resolve without a note".
    Outcome: { $outcome } · Category: { $category }
staff-resolve-done = ✅ Case #{ $id } resolved by { $name }: { $outcome } · { $category }{ $note }
staff-resolve-noted = {" "}· 📝 internal note kept
staff-resolve-cancelled = Resolving case #{ $id } was cancelled: the case stays as it was.
staff-resolve-already = Case #{ $id } was resolved meanwhile, by a colleague: nothing was changed, and your choices and note were not kept.
staff-resolve-reopened = The user of case #{ $id } wrote again meanwhile and the case was reopened: it was not resolved, and your note was not kept. Press Resolve on the card to resolve it again.
staff-resolve-gone = Case #{ $id } no longer exists (its user erased their data): nothing was resolved or kept.
staff-resolve-expired = No resolve dialogue of yours is running here: it was finished, cancelled, or left unanswered for { $minutes } minutes, or these buttons are a colleague's. Press Resolve on the case card to start again.
staff-resolve-old-button = This button belongs to an earlier step: use the buttons of the last step.
staff-resolve-in-progress = You are already resolving this case: see the dialogue in this topic.
staff-resolve-busy = You are resolving case #{ $id } in this topic: finish or cancel that first.
staff-btn-resolve-now = ✅ Resolve without a note
staff-card-resolution = Resolution: { $outcome } · { $category }{ $note }
staff-card-noted = {" "}· 📝 internal note

report-reasons = Categories of resolved cases: { $list }
report-reason-details = In detail: { $list }

# Categories of a case (src/cases/categories.ts), after Child Helpline International's data framework.
staff-cat-violence = Violence
staff-cat-violence-physical = Physical violence
staff-cat-violence-emotional = Emotional violence
staff-cat-violence-neglect = Neglect
staff-cat-violence-domestic = Violence at home (witnessed)
staff-cat-violence-exploitation = Child labour, trafficking
staff-cat-violence-other = Other
staff-cat-sexual_abuse = Sexual abuse
staff-cat-sexual_abuse-contact = Sexual abuse (offline)
staff-cat-sexual_abuse-online = Online sexual abuse
staff-cat-sexual_abuse-exploitation = Sexual exploitation
staff-cat-sexual_abuse-other = Other
staff-cat-bullying = Bullying
staff-cat-bullying-school = At school
staff-cat-bullying-online = Cyberbullying
staff-cat-bullying-other = Other
staff-cat-mental_health = Mental health
staff-cat-mental_health-anxiety = Fear, anxiety
staff-cat-mental_health-mood = Low mood, sadness
staff-cat-mental_health-self_harm = Self-harm
staff-cat-mental_health-suicidal = Suicidal thoughts or attempt
staff-cat-mental_health-substances = Alcohol, drugs, addictions
staff-cat-mental_health-eating = Eating problems
staff-cat-mental_health-other = Other
staff-cat-family = Family
staff-cat-family-parents = Parents or caregivers
staff-cat-family-separation = Divorce, separation
staff-cat-family-care = Guardianship, foster care, adoption
staff-cat-family-siblings = Brothers and sisters
staff-cat-family-other = Other
staff-cat-peers = Friends and relationships
staff-cat-peers-friends = Friends
staff-cat-peers-partner = Romantic relationships
staff-cat-peers-other = Other
staff-cat-school = School and studies
staff-cat-school-studies = Studies, exams
staff-cat-school-teachers = Teachers, problems at school
staff-cat-school-other = Other
staff-cat-health = Physical health
staff-cat-health-physical = Illness, general health
staff-cat-health-sexual = Sexual and reproductive health
staff-cat-health-pregnancy = Pregnancy
staff-cat-health-other = Other
staff-cat-rights = Rights and discrimination
staff-cat-rights-discrimination = Discrimination
staff-cat-rights-legal = Legal questions
staff-cat-rights-needs = Basic needs, documents, benefits
staff-cat-rights-other = Other
staff-cat-information = Information
staff-cat-information-service = About Senim
staff-cat-information-other_services = About other services
staff-cat-information-parents = A parent's question
staff-cat-information-other = Other
staff-cat-no_issue = Not a counselling contact
staff-cat-no_issue-abusive = Abusive
staff-cat-no_issue-prank = Prank, test
staff-cat-no_issue-silent = Silent, wrote nothing
staff-cat-no_issue-thanks = Thanks only
