"""Use cases of one review: commands, state snapshots, refusals, stored standards, the offline form."""
