# Several staff groups (issue #15): regional groups, and the national group as overflow. Staff texts, in STAFF_LANG.

staff-group-national = the national group
staff-group-regional = the regional group ({ $regions })
staff-card-overflow = ↪️ Sent here, not to the regional group ({ $region }): cases waiting there for an operator: { $count }.
staff-wrong-group = Case #{ $id } is handled in { $group }: act on it there.
