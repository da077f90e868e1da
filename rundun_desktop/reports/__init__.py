"""Reports: a run as PDF, the filtered runs list as CSV."""
