"""Input and output: reading article files, the claim table's columns and files, batches."""
