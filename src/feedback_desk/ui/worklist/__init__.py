"""The worklist of actions to take: every action, filtered, sorted, opened and closed in bulk."""
