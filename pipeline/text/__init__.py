"""Text stages: normalize script and width (offsets kept), find the body between
spam header and footer, split sentences and clauses."""
