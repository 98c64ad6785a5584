"""Review plans in the GUI: the plan editor with its selection preview, the reviewer's queue (我的评查任务)
and the progress view; all refresh from the hub's change records."""
