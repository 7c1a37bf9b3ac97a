"""SM rules: one module per rule, each a decorated function over a `ReviewContext`."""
