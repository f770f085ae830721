"""Windows, tabs, dialogs, Qt models and charts. Only this package and workers/ import Qt."""
