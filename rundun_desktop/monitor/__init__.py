"""The run monitor: the runs table, run detail, dispatch and reports."""
