"""Self-check before archiving (每案必检 检查) in the GUI: the fill-in dialog, the workspace's read-only panel."""
