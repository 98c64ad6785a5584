"""Review plans (评查方案): plan records, case selection, assignment with recusal, the reviewer's queue and
per-plan progress. Pure rules are in reviewapp.domain.plans*; these modules store and read them."""
